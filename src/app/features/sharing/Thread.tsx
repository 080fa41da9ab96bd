// The short thread on something I shared: my PA's reply, my answer, their next message... oldest first; once my PA
// has written, I can answer (up to REPLY_MAX characters). Needs signal: an answer is sent at once or not at all.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { REPLY_MAX, type SharedItem } from '../../../shared/sharing/schemas.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { OfflineError } from '../../sync/api.ts';
import { callAsThisPhone } from '../../sync/callAsThisPhone.ts';
import { refreshMyPa } from './status.ts';

export function ThreadMessages({ item }: { item: SharedItem }) {
  const { t } = useTranslation();
  const thread = item.thread ?? [];
  if (thread.length === 0) return null;
  return (
    <ol className="sharing-thread" aria-label={t('sharing.thread.label')}>
      {thread.map((m) => (
        <li key={m.id} className={m.author === 'pa' ? 'sharing-reply' : 'sharing-mine'}>
          <span className="muted">{m.author === 'pa' ? t('sharing.thread.pa') : t('sharing.thread.you')} · {formatDateTime(m.at)}</span>
          <br />
          <span dir="auto">{m.text}</span>
        </li>
      ))}
    </ol>
  );
}

export function AnswerForm({ item, about }: { item: SharedItem; about: string }) {
  const { t } = useTranslation();
  const ids = { text: useId(), hint: useId(), error: useId() };
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const paWrote = !!item.reply || (item.thread ?? []).some((m) => m.author === 'pa');
  if (!paWrote) return null;

  async function send(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return setError(t('sharing.thread.empty'));
    if (text.length > REPLY_MAX) return setError(t('sharing.thread.tooLong', { max: REPLY_MAX }));
    try {
      await callAsThisPhone('POST', `/my-pa/shares/${item.id}/messages`, { text });
      setText('');
      setError('');
      setStatus(t('sharing.thread.sent'));
      await refreshMyPa();
    } catch (e) {
      setError(e instanceof OfflineError ? t('sharing.errors.offline') : t('sharing.errors.server'));
    }
  }

  return (
    <form className="sharing-form" onSubmit={(e) => void send(e)} noValidate>
      <label htmlFor={ids.text}>{t('sharing.thread.answerLabel')}</label>
      <p id={ids.hint} className="muted">{t('sharing.thread.hint', { max: REPLY_MAX })}</p>
      <textarea id={ids.text} aria-label={`${t('sharing.thread.answerLabel')}: ${about}`} dir="auto" rows={2} value={text} onChange={(e) => setText(e.target.value)}
        aria-invalid={!!error} aria-describedby={error ? `${ids.hint} ${ids.error}` : ids.hint} />
      {error && <p id={ids.error} role="alert" className="sharing-error">{error}</p>}
      <button type="submit" className="button button-secondary" aria-label={`${t('sharing.thread.send')}: ${about}`}>{t('sharing.thread.send')}</button>
      <p role="status">{status}</p>
    </form>
  );
}
