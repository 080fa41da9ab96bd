// Mark one shared item (or a run of the same request) as seen, with an optional short reply the young person will
// read. `about` ("Sam’s check-in of 3 Dec 2026, 10:00") makes the box's and button's names differ on every card.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { REPLY_MAX } from '../shared/sharing/schemas.ts';
import { paFetch } from './api.ts';

export function SeenForm({ shareIds, personId, about, onSeen }: { shareIds: string[]; personId: string; about: string; onSeen: () => void }) {
  const { t } = useTranslation();
  const ids = { reply: useId(), hint: useId(), error: useId() };
  const [reply, setReply] = useState('');
  const [error, setError] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (reply.length > REPLY_MAX) {
      setError(t('pa.person.replyTooLong', { max: REPLY_MAX }));
      return;
    }
    try {
      // The reply goes on the newest; the others of a repeated request are marked seen with it.
      const [newest, ...rest] = [...shareIds].reverse();
      await paFetch('POST', `/pa/shares/${newest}/seen`, { reply });
      if (rest.length > 0) await paFetch('POST', `/pa/people/${personId}/seen`, { ids: rest });
      onSeen();
    } catch {
      setError(t('pa.errors.server'));
    }
  }

  return (
    <form className="pa-form" onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor={ids.reply}>{t('pa.person.replyLabel')}</label>
      <p id={ids.hint} className="pa-muted">{t('pa.person.replyHint', { max: REPLY_MAX })}</p>
      <textarea id={ids.reply} aria-label={`${t('pa.person.replyLabel')}${t('pa.person.aboutSuffix', { about })}`} dir="auto" rows={2} value={reply} onChange={(e) => setReply(e.target.value)}
        aria-invalid={!!error} aria-describedby={error ? `${ids.hint} ${ids.error}` : ids.hint} />
      {error && <p id={ids.error} className="pa-error" role="alert">{error}</p>}
      <button type="submit" className="pa-button" aria-label={`${t('pa.person.markSeen')}${t('pa.person.aboutSuffix', { about })}`}>{t('pa.person.markSeen')}</button>
    </form>
  );
}
