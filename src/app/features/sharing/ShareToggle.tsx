// "Share with my PA" on one check-in or ONS4 answer: off by default, can be undone at any time. Before sharing it
// shows exactly what the PA will see (the same paCopyOf the server copies with); the note goes only if ticked.
// Sharing is the record's own flag, saved and synced through the one outbox: an edit later updates the PA's copy.
import type { ParseKeys } from 'i18next';
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import type { Checkin } from '../../../shared/checkins.ts';
import type { Ons4 } from '../../../shared/ons4.ts';
import { paCopyOf } from '../../../shared/sharing/paCopy.ts';
import { saveRecord } from '../../data/records.ts';
import { deliveryOf, outOfHoursNow, sendSoon, useWaitingIds } from './delivery.ts';
import { OutOfHoursNotice } from './OutOfHoursNotice.tsx';
import { useShareable } from './queries.ts';
import { refreshMyPa, shareOf, useMyPaStatus } from './status.ts';

import './sharing.css';

/** `connectHint`: when no PA is connected, show a link to connect (on single-item screens, not in long lists). */
type Props = { kind: 'checkin' | 'ons4'; id: string; connectHint?: boolean };

// Ask the server once per visit whether a PA is connected (and for seen/replies); the answer is kept offline.
let statusChecked = false;

type T = (key: string, options?: Record<string, unknown>) => string;

/** "Not good · Money, Food · your note": the PA's copy in the young person's words. */
function previewOf(copy: Record<string, unknown>, t: T, listSeparator: string): string {
  if (typeof copy.mood !== 'number') return t('sharing.preview.ons4');
  const areas = Array.isArray(copy.hard) ? copy.hard.map((a) => t(`checkin.areas.${String(a)}`)) : [];
  const feelings = Array.isArray(copy.feelings) ? copy.feelings.map((f) => t(`checkin.feelings.${String(f)}`)) : [];
  const parts = [t(`sharing.moods.${copy.mood}`), areas.join(listSeparator), feelings.join(listSeparator), copy.note ? t('sharing.preview.yourNote') : '']
    .filter((p) => p !== '');
  return parts.join(' · ');
}

export default function ShareToggle({ kind, id, connectHint = false }: Props) {
  const { t, i18n } = useTranslation();
  const status = useMyPaStatus();
  const waiting = useWaitingIds();
  const record = useShareable(kind, id);
  const [includeNote, setIncludeNote] = useState(false);
  const [outOfHours, setOutOfHours] = useState<{ likelySeenFrom: string | null } | null>(null);
  const noteBoxId = useId();
  useEffect(() => {
    if (!statusChecked) {
      statusChecked = true;
      void refreshMyPa().catch(() => undefined);
    }
  }, []);
  if (!record || status === undefined || waiting === undefined) return null;
  if (!status?.connected) {
    if (!connectHint) return null;
    return <p className="sharing-toggle-hint"><Link to="/my-pa">{t('sharing.toggle.connectFirst')}</Link></p>;
  }
  const shared = record.sharedWithPa;
  const hasNote = kind === 'checkin' && (record as Checkin).note.trim() !== '';
  const withNote = shared ? (record as Checkin).shareNote === true : includeNote;
  const copy = paCopyOf(kind, { ...record, sharedWithPa: true, shareNote: withNote })!;
  const onServer = shareOf(status, id);
  // "Seen" belongs to the version the PA saw: after an edit, the PA has not seen the new one yet.
  const seenThisVersion = onServer?.seenAt && JSON.stringify(onServer.data) === JSON.stringify(copy) ? onServer.seenAt : null;
  const delivery = deliveryOf(id, waiting, seenThisVersion);
  const separator = i18n.language === 'ar' ? '، ' : ', ';

  async function toggle() {
    if (!record) return;
    const next = { ...record, sharedWithPa: !shared, ...(kind === 'checkin' && { shareNote: !shared && includeNote }), updatedAt: new Date().toISOString() } as Checkin | Ons4;
    // Saved on the phone and put in the outbox before any network: nothing is lost offline, and it is sent in order.
    await saveRecord(kind, next);
    setOutOfHours(next.sharedWithPa ? outOfHoursNow(status) : null);
    void sendSoon();
  }

  return (
    <div className="share-toggle">
      <p className="sharing-preview">
        {t(shared ? 'sharing.preview.sees' : 'sharing.preview.willSee')} <span>{previewOf(copy, (key, o) => t(key as ParseKeys, o), separator)}</span>
      </p>
      {hasNote && !shared && (
        <label className="sharing-check" htmlFor={noteBoxId}>
          <input id={noteBoxId} type="checkbox" checked={includeNote} onChange={(e) => setIncludeNote(e.target.checked)} />
          {t('sharing.preview.includeNote')}
        </label>
      )}
      <button type="button" className={shared ? 'button button-secondary' : 'button'} aria-pressed={shared} onClick={() => void toggle()}>
        {shared ? t('sharing.toggle.stop') : t('sharing.toggle.share')}
      </button>
      <p role="status" className="status-line">
        {delivery === 'waiting' ? t(shared ? 'sharing.toggle.waitingShare' : 'sharing.toggle.waitingUnshare')
          : shared ? t(delivery === 'seen' ? 'sharing.toggle.seen' : 'sharing.toggle.shared') : ''}
      </p>
      {shared && seenThisVersion && onServer?.reply && (
        <p className="sharing-seen"><strong>{t('sharing.seen')}</strong> · <span dir="auto">{onServer.reply}</span></p>
      )}
      {outOfHours && <OutOfHoursNotice likelySeenFrom={outOfHours.likelySeenFrom} />}
    </div>
  );
}
