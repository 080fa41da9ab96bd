// "Your PA is not at work now": when they are likely to see it, and who can help right now.
import { useTranslation } from 'react-i18next';

import { formatDateTime } from '../../i18n/format.ts';
import { CrisisLines } from './CrisisLines.tsx';

export function OutOfHoursNotice({ likelySeenFrom }: { likelySeenFrom: string | null }) {
  const { t } = useTranslation();
  return (
    <div className="card sharing-out-of-hours">
      <p>
        {likelySeenFrom
          ? t('sharing.outOfHours.likely', { when: formatDateTime(likelySeenFrom) })
          : t('sharing.outOfHours.unknown')}
      </p>
      <p>{t('sharing.outOfHours.needHelpNow')}</p>
      <CrisisLines />
    </div>
  );
}
