// An item's short thread on the PA page: the PA's first reply, the young person's answer, the PA's next message...
// oldest first, each up to REPLY_MAX characters; and a box to write the next one.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { REPLY_MAX, type SharedItem, type ThreadMessage } from '../../shared/sharing/schemas.ts';
import { paFetch, PaHttpError } from '../api.ts';
import { formatWhen } from '../i18n.ts';

/** The whole thread of a card (one item, or a run of the same request), oldest first. */
export function threadOf(items: readonly SharedItem[]): ThreadMessage[] {
  const all: ThreadMessage[] = [];
  for (const item of items) {
    if (item.reply) all.push({ id: `${item.id}-reply`, author: 'pa', text: item.reply, at: item.seenAt ?? item.sharedAt });
    all.push(...(item.thread ?? []));
  }
  return all.sort((a, b) => a.at.localeCompare(b.at));
}

export function ThreadList({ messages, name }: { messages: ThreadMessage[]; name: string }) {
  const { t, i18n } = useTranslation();
  if (messages.length === 0) return null;
  return (
    <ol className="pa-thread" aria-label={t('pa.thread.label')}>
      {messages.map((m) => (
        <li key={m.id} className={m.author === 'pa' ? 'pa-message pa-message-mine' : 'pa-message'}>
          <p className="pa-muted">
            {m.author === 'pa' ? t('pa.thread.you') : <span dir="auto">{name}</span>} · {formatWhen(m.at, i18n.language)}
            {m.author === 'young-person' && !m.seenAt && <> · <strong>{t('pa.thread.new')}</strong></>}
          </p>
          <p dir="auto">{m.text}</p>
        </li>
      ))}
    </ol>
  );
}

export function MessageForm({ shareId, about, onSent }: { shareId: string; about: string; onSent: () => void }) {
  const { t } = useTranslation();
  const ids = { text: useId(), hint: useId(), error: useId() };
  const [text, setText] = useState('');
  const [error, setError] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return setError(t('pa.thread.empty'));
    if (text.length > REPLY_MAX) return setError(t('pa.person.replyTooLong', { max: REPLY_MAX }));
    try {
      await paFetch('POST', `/pa/shares/${shareId}/messages`, { text });
      setText('');
      setError('');
      onSent();
    } catch (e) {
      setError(e instanceof PaHttpError && e.body.field === 'text' ? t('pa.thread.empty') : t('pa.errors.server'));
    }
  }

  return (
    <form className="pa-form" onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor={ids.text}>{t('pa.thread.write')}</label>
      <p id={ids.hint} className="pa-muted">{t('pa.person.replyHint', { max: REPLY_MAX })}</p>
      <textarea id={ids.text} aria-label={`${t('pa.thread.write')}${t('pa.person.aboutSuffix', { about })}`} dir="auto" rows={2} value={text} onChange={(e) => setText(e.target.value)}
        aria-invalid={!!error} aria-describedby={error ? `${ids.hint} ${ids.error}` : ids.hint} />
      {error && <p id={ids.error} className="pa-error" role="alert">{error}</p>}
      <button type="submit" className="pa-button pa-button-secondary" aria-label={`${t('pa.thread.send')}${t('pa.person.aboutSuffix', { about })}`}>{t('pa.thread.send')}</button>
    </form>
  );
}
