// My phone number and how I like to be contacted, for my PA: only if I choose, and I can take it back at any time.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { CONTACT_PREFERENCES, type SharedContact } from '../../../shared/sharing/schemas.ts';
import { ApiError, OfflineError } from '../../sync/api.ts';
import { callAsThisPhone } from '../../sync/callAsThisPhone.ts';
import { refreshMyPa } from './status.ts';

export function ContactShare({ shared }: { shared: SharedContact | null }) {
  const { t } = useTranslation();
  const ids = { title: useId(), phone: useId(), error: useId() };
  const [phone, setPhone] = useState(shared?.phone ?? '');
  const [prefer, setPrefer] = useState<SharedContact['prefer']>(shared?.prefer ?? 'either');
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');

  async function send(contact: SharedContact | null, done: string) {
    try {
      await callAsThisPhone('PUT', '/my-pa/contact', { contact });
      setError('');
      setStatus(done);
      await refreshMyPa();
    } catch (e) {
      if (e instanceof ApiError && e.body.field?.startsWith('contact')) setError(t('sharing.contact.invalid'));
      else setError(e instanceof OfflineError ? t('sharing.errors.offline') : t('sharing.errors.server'));
    }
  }

  function save(event: FormEvent) {
    event.preventDefault();
    if (!/^\+?[0-9 ()-]{7,20}$/.test(phone.trim())) return setError(t('sharing.contact.invalid'));
    void send({ phone: phone.trim(), prefer }, t('sharing.contact.saved'));
  }

  return (
    <section aria-labelledby={ids.title}>
      <h2 id={ids.title}>{t('sharing.contact.title')}</h2>
      <p>{t('sharing.contact.explain')}</p>
      <form className="sharing-form" onSubmit={save} noValidate>
        <label htmlFor={ids.phone}>{t('sharing.contact.phone')}</label>
        <input id={ids.phone} type="tel" autoComplete="tel" dir="ltr" value={phone} onChange={(e) => setPhone(e.target.value)}
          aria-invalid={!!error} aria-describedby={error ? ids.error : undefined} />
        <fieldset className="sharing-choices">
          <legend>{t('sharing.contact.prefer')}</legend>
          {CONTACT_PREFERENCES.map((p) => (
            <label key={p} className="sharing-check"><input type="radio" name={`prefer-${ids.phone}`} checked={prefer === p} onChange={() => setPrefer(p)} />{t(`sharing.contact.${p}`)}</label>
          ))}
        </fieldset>
        {error && <p id={ids.error} role="alert" className="sharing-error">{error}</p>}
        <button type="submit" className="button">{t('sharing.contact.save')}</button>
      </form>
      {shared && <button type="button" className="button button-secondary" onClick={() => { setPhone(''); void send(null, t('sharing.contact.removed')); }}>{t('sharing.contact.remove')}</button>}
      <p role="status">{status}</p>
    </section>
  );
}
