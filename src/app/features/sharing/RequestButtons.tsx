// One-tap requests to my PA: "Please call me", help with travel, "I couldn't go to my appointment".
// Each rides the outbox and says truthfully where it has got to: waiting to send, sent, seen.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { PaRequest } from '../../../shared/sharing/schemas.ts';
import { askPa, deliveryOf, outOfHoursNow, useWaitingIds } from './delivery.ts';
import { OutOfHoursNotice } from './OutOfHoursNotice.tsx';
import { usePaRequest } from './queries.ts';
import { shareOf, useMyPaStatus } from './status.ts';

/** The requests My PA offers; "I can't make it" is asked from the appointment itself. */
const MY_PA_REQUESTS: PaRequest[] = ['call-me', 'travel-help', 'missed-appointment'];

export function RequestButtons() {
  const { t } = useTranslation();
  const status = useMyPaStatus();
  const waiting = useWaitingIds();
  const [lastId, setLastId] = useState<string | null>(null);
  const [outOfHours, setOutOfHours] = useState<{ likelySeenFrom: string | null } | null>(null);
  const last = usePaRequest(lastId);

  async function send(request: PaRequest) {
    const made = await askPa({ request });
    setLastId(made.id);
    setOutOfHours(outOfHoursNow(status));
  }

  const state = last && waiting ? deliveryOf(last.id, waiting, shareOf(status, last.id)?.seenAt) : null;
  return (
    <section aria-labelledby="requests-title">
      <h2 id="requests-title">{t('sharing.requests.title')}</h2>
      <div className="button-row sharing-requests">
        {MY_PA_REQUESTS.map((request) => (
          <button key={request} type="button" className="button" onClick={() => void send(request)}>
            {t(`sharing.requests.${request}`)}
          </button>
        ))}
      </div>
      <p role="status">{last && state ? `${t(`sharing.requests.${last.request}`)}: ${t(`sharing.delivery.${state}`)}` : ''}</p>
      {last && outOfHours && <OutOfHoursNotice likelySeenFrom={outOfHours.likelySeenFrom} />}
    </section>
  );
}
