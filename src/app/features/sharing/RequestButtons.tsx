// One-tap requests to my PA: "Please call me", help with travel, "I couldn't go to my appointment".
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PA_REQUESTS, type PaRequest } from '../../../shared/sharing/schemas.ts';
import { OutOfHoursNotice } from './OutOfHoursNotice.tsx';
import { flushShareQueue, queueShare, type ShareOutcome } from './queue.ts';

export function RequestButtons() {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const [outcome, setOutcome] = useState<ShareOutcome | null>(null);

  async function send(request: PaRequest) {
    const id = crypto.randomUUID();
    await queueShare({ kind: 'request', id, request, about: '', at: new Date().toISOString() }, id);
    setOutcome(null);
    if (typeof navigator !== 'undefined' && !navigator.onLine) {
      setMessage(t('sharing.requests.queued'));
      return;
    }
    const result = await flushShareQueue();
    setMessage(t('sharing.requests.sent'));
    if (result?.outOfHours) setOutcome(result);
  }

  return (
    <section aria-labelledby="requests-title">
      <h2 id="requests-title">{t('sharing.requests.title')}</h2>
      <div className="button-row sharing-requests">
        {PA_REQUESTS.map((request) => (
          <button key={request} type="button" className="button" onClick={() => void send(request)}>
            {t(`sharing.requests.${request}`)}
          </button>
        ))}
      </div>
      <p role="status">{message}</p>
      {outcome && <OutOfHoursNotice likelySeenFrom={outcome.likelySeenFrom} />}
    </section>
  );
}
