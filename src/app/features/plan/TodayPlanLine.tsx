// A quiet line on Today when a step of My plan is dated today ("Today: ring the housing office"). Never a nag:
// nothing when there is no such step, no count, no streak.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { useStepsDueToday } from './queries.ts';

export function TodayPlanLine() {
  const { t } = useTranslation();
  const due = useStepsDueToday();
  if (!due?.length) return null;
  return (
    <ul className="today-plan" aria-label={t('plan.title')}>
      {due.map(({ step }) => (
        <li key={step.id}><Link to="/plan" className="link-target">{t('plan.today', { step: step.text })}</Link></li>
      ))}
    </ul>
  );
}
