// A one-tap request to my PA sent from an appointment ("help getting there", "I couldn't go"), linked to it,
// through the same share queue as My PA, with its state: waiting to send, sent, seen (and any reply).
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Appointment } from '../../../shared/appointments/schema.ts';
import type { PaRequest, ShareInput, TravelHelpChoice } from '../../../shared/sharing/schemas.ts';
import { db } from '../../data/db.ts';
import { OutOfHoursNotice } from './OutOfHoursNotice.tsx';
import { flushShareQueue, queueShare, type ShareOutcome } from './queue.ts';
import { useMyPaStatus } from './status.ts';
import './sharing.css';
import type { ParseKeys } from 'i18next';

type AppointmentRequest = 'travel-help' | 'missed-appointment';
const TRAVEL: TravelHelpChoice[] = ['fare', 'taxi', 'someoneToGoWith'];

const isAbout = (body: Record<string, unknown> | undefined, appointmentId: string, request: PaRequest) =>
  body?.kind === 'request' && body.request === request && (body.appointment as { id?: string } | undefined)?.id === appointmentId;

/** `label` is the button's words key, so the can't-make-it panel can say it in the future tense. */
export function AskPaAboutAppointment({ appointment: a, request, label }: { appointment: Appointment; request: AppointmentRequest; label: string }) {
  const { t } = useTranslation();
  const status = useMyPaStatus();
  const waiting = useLiveQuery(async () => (await db.shareQueue.toArray()).some((e) => e.action === 'share' && isAbout(e.body, a.id, request)), [a.id, request]);
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<ShareOutcome | null>(null);

  // Not connected to a PA (or not known yet): say nothing here; My PA is where connecting happens.
  if (!status?.connected) return null;
  const sent = status.shares.filter((s) => s.kind === 'request' && isAbout({ kind: 'request', ...s.data }, a.id, request))
    .sort((x, y) => y.sharedAt.localeCompare(x.sharedAt))[0];

  async function send() {
    setSending(true);
    const id = crypto.randomUUID();
    const body: ShareInput = {
      kind: 'request', id, request, about: '', at: new Date().toISOString(),
      appointment: { id: a.id, title: a.title, startsAt: a.startsAt },
      ...(request === 'travel-help' && { travelHelp: TRAVEL.filter((k) => a.travelHelp[k]) }),
    };
    await queueShare(body, id);
    const result = typeof navigator !== 'undefined' && !navigator.onLine ? null : await flushShareQueue();
    setOutcome(result?.outOfHours ? result : null);
    setSending(false);
  }

  const state = sending ? t('sharing.appointment.sending')
    : waiting ? t('sharing.appointment.waiting')
    : sent?.seenAt ? t('sharing.appointment.seen')
    : sent ? t('sharing.appointment.sent') : '';
  return (
    <div className="sharing-appointment">
      {!sent && !waiting && (
        <button type="button" className="appt-button appt-button--block" disabled={sending} onClick={() => void send()}>{t(label as ParseKeys)}</button>
      )}
      <p role="status">{state}</p>
      {sent?.reply && <p className="sharing-reply">{t('sharing.list.reply')} <span dir="auto">{sent.reply}</span></p>}
      {outcome && <OutOfHoursNotice likelySeenFrom={outcome.likelySeenFrom} />}
    </div>
  );
}
