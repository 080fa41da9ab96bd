// What I have shared with my PA, whether they have seen it, their reply, and a way to take it back.
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';

import type { SharedItem } from '../../../shared/sharing/schemas.ts';
import { formatDateTime } from '../../i18n/format.ts';
import { unshare } from './mutations.ts';
import { AnswerForm, ThreadMessages } from './Thread.tsx';

function sharedItemTitle(item: SharedItem, t: (key: string, options?: Record<string, unknown>) => string): string {
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

  if (shares.length === 0) return <p className="muted">{t('sharing.list.empty')}</p>;
  return (
    <ul className="card-list">
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
