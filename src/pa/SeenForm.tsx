// Mark one shared item as seen, with an optional short reply the young person will read.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { REPLY_MAX } from '../shared/sharing/schemas.ts';
import { paFetch } from './api.ts';

export function SeenForm({ shareId, onSeen }: { shareId: string; onSeen: () => void }) {
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
      await paFetch('POST', `/pa/shares/${shareId}/seen`, { reply });
      onSeen();
    } catch {
      setError(t('pa.errors.server'));
    }
  }

  return (
    <form className="pa-form" onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor={ids.reply}>{t('pa.person.replyLabel')}</label>
      <p id={ids.hint} className="pa-muted">{t('pa.person.replyHint', { max: REPLY_MAX })}</p>
      <textarea id={ids.reply} dir="auto" rows={2} value={reply} onChange={(e) => setReply(e.target.value)}
        aria-invalid={!!error} aria-describedby={error ? `${ids.hint} ${ids.error}` : ids.hint} />
      {error && <p id={ids.error} className="pa-error" role="alert">{error}</p>}
      <button type="submit" className="pa-button">{t('pa.person.markSeen')}</button>
    </form>
  );
}
