// "Share with my PA" on one check-in or ONS4 answer: off by default, can be undone at any time.
import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Checkin } from '../../../shared/checkins.ts';
import type { Ons4 } from '../../../shared/ons4.ts';
import { db } from '../../data/db.ts';
import { saveRecord } from '../../data/records.ts';
import { OutOfHoursNotice } from './OutOfHoursNotice.tsx';
import { flushShareQueue, queueShare, queueUnshare, type ShareOutcome } from './queue.ts';
import { refreshMyPa, shareOf, useMyPaStatus } from './status.ts';
import './sharing.css';

/** `connectHint`: when no PA is connected, show a link to connect (on single-item screens, not in long lists). */
type Props = { kind: 'checkin' | 'ons4'; id: string; connectHint?: boolean };

// Ask the server once per visit whether a PA is connected (and for seen/replies); the answer is kept offline.
let statusChecked = false;

export default function ShareToggle({ kind, id, connectHint = false }: Props) {
  const { t } = useTranslation();
  const status = useMyPaStatus();
  const record = useLiveQuery<Checkin | Ons4 | undefined>(() => (kind === 'checkin' ? db.checkins.get(id) : db.ons4.get(id)), [kind, id]);
  const [message, setMessage] = useState('');
  const [outOfHours, setOutOfHours] = useState<ShareOutcome | null>(null);
  useEffect(() => {
    if (!statusChecked) {
      statusChecked = true;
      void refreshMyPa().catch(() => undefined);
    }
  }, []);
  if (!record || status === undefined) return null;
  if (!status?.connected) {
    if (!connectHint) return null;
    return <p className="sharing-toggle-hint"><Link to="/my-pa">{t('sharing.toggle.connectFirst')}</Link></p>;
  }
  const shared = record.sharedWithPa;
  const onServer = shareOf(status, id);

  async function toggle() {
    if (!record) return;
    const next = { ...record, sharedWithPa: !shared, updatedAt: new Date().toISOString() } as Checkin | Ons4;
    // The phone's copy and the choice to send are saved before any network: nothing is lost offline.
    await saveRecord(kind, next);
    if (next.sharedWithPa) await queueShare(kind === 'checkin' ? { kind, record: next as Checkin } : { kind, record: next as Ons4 }, id);
    else await queueUnshare(id);
    setOutOfHours(null);
    const online = typeof navigator === 'undefined' || navigator.onLine;
    setMessage(online ? t('sharing.toggle.sending') : (next.sharedWithPa ? t('sharing.toggle.queuedShare') : t('sharing.toggle.queuedUnshare')));
    if (!online) return;
    const outcome = await flushShareQueue();
    setMessage(next.sharedWithPa ? t('sharing.toggle.shared') : t('sharing.toggle.unshared'));
    if (next.sharedWithPa && outcome?.outOfHours) setOutOfHours(outcome);
  }

  return (
    <div className="sharing-toggle">
      <button type="button" className={shared ? 'button button-secondary' : 'button'} aria-pressed={shared} onClick={() => void toggle()}>
        {shared ? t('sharing.toggle.stop') : t('sharing.toggle.share')}
      </button>
      <p role="status" className="sharing-toggle-status">{message}</p>
      {shared && onServer?.seenAt && (
        <p className="sharing-seen">
          <strong>{t('sharing.seen')}</strong>
          {onServer.reply && <> · <span dir="auto">{onServer.reply}</span></>}
        </p>
      )}
      {outOfHours && <OutOfHoursNotice likelySeenFrom={outOfHours.likelySeenFrom} />}
    </div>
  );
}
