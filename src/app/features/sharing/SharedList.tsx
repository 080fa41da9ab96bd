// What I have shared with my PA, whether they have seen it, their reply, and a way to take it back.
import { useTranslation } from 'react-i18next';
import type { SharedItem } from '../../../shared/sharing/schemas.ts';
import { db } from '../../data/db.ts';
import { deleteRecord, saveRecord } from '../../data/records.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { sendSoon } from './delivery.ts';
import { shareGoal } from '../plan/mutations.ts';
import { AnswerForm, ThreadMessages } from './Thread.tsx';
import type { ParseKeys } from 'i18next';

export function sharedItemTitle(item: SharedItem, t: (key: string, options?: Record<string, unknown>) => string): string {
  if (item.kind === 'request') {
    const about = (item.data.appointment as { title?: string } | undefined)?.title;
    return `${t(`sharing.requests.${String(item.data.request)}`)}${about ? ` · ${about}` : ''}`;
  }
  if (item.kind === 'ons4') return t('sharing.list.ons4');
  if (item.kind === 'goal') return `${t('plan.title')} · ${String(item.data.text)}`;
  return t('sharing.list.checkin', { mood: t(`sharing.moods.${String(item.data.mood)}`) });
}

export function SharedList({ shares }: { shares: SharedItem[] }) {
  const { t } = useTranslation();

  async function unshare(item: SharedItem) {
    // Unsharing is a change to the phone's own record (its flag, or the request itself), synced like any other:
    // the server removes the PA's copy when it saves that change.
    if (item.kind === 'request') await deleteRecord('paRequest', item.id);
    else if (item.kind === 'goal') await shareGoal(item.id, false);
    else {
      const local = item.kind === 'checkin' ? await db.checkins.get(item.id) : await db.ons4.get(item.id);
      if (local) await saveRecord(item.kind, { ...local, sharedWithPa: false, updatedAt: new Date().toISOString() });
    }
    await sendSoon();
  }

  if (shares.length === 0) return <p className="muted">{t('sharing.list.empty')}</p>;
  return (
    <ul className="sharing-list">
      {shares.map((item) => {
        const title = sharedItemTitle(item, (key, o) => t(key as ParseKeys, o));
        return (
        <li key={item.id} className="card">
          <p className="sharing-list-title">{title}</p>
          <p className="muted">{t('sharing.list.sharedAt', { when: formatDateTime(item.sharedAt) })}</p>
          <p>{item.seenAt ? <strong>{t('sharing.seen')}</strong> : t('sharing.notSeenYet')}</p>
          {item.reply && (
            <p className="sharing-reply">
              {t('sharing.list.reply')} <span dir="auto">{item.reply}</span>
            </p>
          )}
          <ThreadMessages item={item} />
          <AnswerForm item={item} about={`${title}, ${formatDateTime(item.sharedAt)}`} />
          <button type="button" className="button button-secondary" onClick={() => void unshare(item)}>
            {t('sharing.list.unshare')}
          </button>
        </li>
        );
      })}
    </ul>
  );
}
