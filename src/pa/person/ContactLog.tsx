// The PA's contact log for one young person: that they called, texted, met or got no answer, and when. Never what
// was said (there is nowhere to write it).
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { CONTACT_KINDS, type ContactEntry, type ContactKind } from '../../shared/sharing/schemas.ts';
import { paFetch } from '../api.ts';
import { formatWhen } from '../i18n.ts';

/** "2026-12-03T10:05" for a datetime-local box, in the browser's own time zone (the PA's). */
const localNow = () => {
  const d = new Date();
  d.setSeconds(0, 0);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

export function ContactLog({ personId, name, contacts, onSaved }: { personId: string; name: string; contacts: ContactEntry[]; onSaved: () => void }) {
  const { t, i18n } = useTranslation();
  const ids = { when: useId(), error: useId(), title: useId() };
  const [kind, setKind] = useState<ContactKind>('called');
  const [when, setWhen] = useState(localNow);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');

  async function save(event: FormEvent) {
    event.preventDefault();
    const at = new Date(when);
    if (!when || Number.isNaN(at.getTime()) || at.getTime() > Date.now() + 10 * 60_000) return setError(t('pa.contacts.badTime'));
    try {
      await paFetch('POST', `/pa/people/${personId}/contacts`, { kind, at: at.toISOString() });
      setError('');
      setStatus(t('pa.contacts.saved'));
      onSaved();
    } catch {
      setError(t('pa.errors.server'));
    }
  }

  return (
    <section aria-labelledby={ids.title} className="pa-section">
      <h2 id={ids.title}>{t('pa.contacts.title')}</h2>
      <p className="pa-muted">{t('pa.contacts.explain')}</p>
      <form className="pa-form" onSubmit={(e) => void save(e)} noValidate>
        <fieldset className="pa-choices">
          <legend>{t('pa.contacts.kindLegend', { name })}</legend>
          {CONTACT_KINDS.map((k) => (
            <label key={k} className="pa-check"><input type="radio" name={`contact-${personId}`} value={k} checked={kind === k} onChange={() => setKind(k)} />{t(`pa.contacts.kinds.${k}`)}</label>
          ))}
        </fieldset>
        <label htmlFor={ids.when}>{t('pa.contacts.when')}</label>
        <input id={ids.when} type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} aria-invalid={!!error} aria-describedby={error ? ids.error : undefined} />
        {error && <p id={ids.error} role="alert" className="pa-error">{error}</p>}
        <button type="submit" className="pa-button pa-button-secondary">{t('pa.contacts.save')}</button>
        <p role="status">{status}</p>
      </form>
      {contacts.length === 0 ? <p className="pa-muted">{t('pa.contacts.none')}</p> : (
        <ul className="pa-contacts">
          {contacts.map((c) => <li key={c.id}>{t(`pa.contacts.kinds.${c.kind}`)} · {formatWhen(c.at, i18n.language)}</li>)}
        </ul>
      )}
    </section>
  );
}
