// "Share with my PA" on one goal: private by default, with exactly what the PA will see shown first (the same
// paCopyOf the server copies with), and undone at any time. Rides the one outbox like a shared check-in.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

import type { Goal } from '../../../shared/plan/goals.ts';
import { paCopyOf } from '../../../shared/sharing/paCopy.ts';
import { deliveryOf, sendSoon, useWaitingIds } from '../sharing/delivery.ts';
import { refreshMyPa, useMyPaStatus } from '../sharing/status.ts';
import { shareGoal } from './mutations.ts';

let statusChecked = false;

export default function GoalShare({ goal }: { goal: Goal }) {
  const { t } = useTranslation();
  const status = useMyPaStatus();
  const waiting = useWaitingIds();
  useEffect(() => {
    if (!statusChecked) {
      statusChecked = true;
      void refreshMyPa().catch(() => undefined);
    }
  }, []);
  if (!status?.connected || waiting === undefined) return null;
  const shared = goal.sharedWithPa;
  const copy = paCopyOf('goal', { ...goal, sharedWithPa: true })!;
  const next = copy.next as { text: string } | null;
  const delivery = deliveryOf(goal.id, waiting, null);

  return (
    <div className="share-toggle">
      <p className="sharing-preview">
        {t(shared ? 'sharing.preview.sees' : 'sharing.preview.willSee')}{' '}
        <span><bdi>{goal.text}</bdi> · {t('plan.share.stepsDone', { n: (copy.done as unknown[]).length })}{next && <> · {t('plan.share.next')} <bdi>{next.text}</bdi></>}</span>
      </p>
      <button type="button" className={shared ? 'button button-secondary' : 'button'} aria-pressed={shared}
        onClick={() => void shareGoal(goal.id, !shared).then(() => sendSoon())}>
        {shared ? t('sharing.toggle.stop') : t('sharing.toggle.share')}
      </button>
      <p role="status" className="status-line">
        {delivery === 'waiting' ? t(shared ? 'sharing.toggle.waitingShare' : 'sharing.toggle.waitingUnshare') : shared ? t('sharing.toggle.shared') : ''}
      </p>
    </div>
  );
}
