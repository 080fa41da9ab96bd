// A one-tap request to my PA sent from an appointment ("help getting there", "I can't make it", "I couldn't go"),
// linked to it, through the one outbox like every change, with its state: waiting to send, sent, seen (and any reply).
import type { ParseKeys } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import { type Appointment, TRAVEL_HELP } from '../../../shared/appointments/schema.ts';
import type { PaRequest } from '../../../shared/sharing/schemas.ts';
import { askPa, deliveryOf, outOfHoursNow, useWaitingIds } from './delivery.ts';
import { OutOfHoursNotice } from './OutOfHoursNotice.tsx';
import { isAbout, useRequestAbout } from './queries.ts';
import { shareOf, useMyPaStatus } from './status.ts';

import './sharing.css';

type AppointmentRequest = Extract<PaRequest, 'travel-help' | 'missed-appointment' | 'cant-make-it'>;

/** `label` is the button's words key, so the can't-make-it panel can say it in the future tense. */
export function AskPaAboutAppointment({ appointment: a, request, label }: { appointment: Appointment; request: AppointmentRequest; label: string }) {
  const { t } = useTranslation();
  const status = useMyPaStatus();
  const waiting = useWaitingIds();
  const mine = useRequestAbout(a.id, request);
  const [outOfHours, setOutOfHours] = useState<{ likelySeenFrom: string | null } | null>(null);

  // Not connected to a PA (or not known yet): say nothing here; My PA is where connecting happens.
  if (!status?.connected || mine === undefined || waiting === undefined) return null;
  // This phone's own request, or (after a restore, before it synced) the one the server has.
  const onServer = status.shares.filter((s) => s.kind === 'request' && isAbout(s.data, a.id, request))
    .sort((x, y) => y.sharedAt.localeCompare(x.sharedAt))[0];
  const id = mine?.id ?? onServer?.id;
  const shared = id ? shareOf(status, id) : undefined;

  async function send() {
    await askPa({
      request, appointment: { id: a.id, title: a.title, startsAt: a.startsAt },
      ...(request === 'travel-help' && { travelHelp: TRAVEL_HELP.filter((k) => a.travelHelp[k]) }),
    });
    setOutOfHours(outOfHoursNow(status));
  }

  const state = id ? deliveryOf(id, waiting, shared?.seenAt) : null;
  return (
    <div className="sharing-appointment">
      {!id && <button type="button" className="button button-block" onClick={() => void send()}>{t(label as ParseKeys)}</button>}
      <p role="status">{state ? t(`sharing.appointment.${state}`) : ''}</p>
      {shared?.reply && <p className="sharing-reply">{t('sharing.list.reply')} <span dir="auto">{shared.reply}</span></p>}
      {outOfHours && <OutOfHoursNotice likelySeenFrom={outOfHours.likelySeenFrom} />}
    </div>
  );
}
