// What a next step can become: an appointment (prefilled, with the appointment's own reminders) or a request to the
// PA ("Can you help me with this step?") through the one outbox.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import type { Goal, GoalStep } from '../../../shared/plan/goals.ts';
import { askPa } from '../sharing/delivery.ts';
import { useMyPaStatus } from '../sharing/status.ts';

/** What the appointment form is prefilled with (see AppointmentForm's location state). */
export type FromStep = { title: string; date?: string };

export default function StepActions({ step }: { goal: Goal; step: GoalStep }) {
  const { t } = useTranslation();
  const status = useMyPaStatus();
  const [asked, setAsked] = useState(false);
  const fromStep: FromStep = { title: step.text, ...(step.due && { date: step.due }) };
  return (
    <div className="button-row">
      <Link className="button button-secondary" to="/appointments/new" state={{ fromStep }}>{t('plan.step.appointment')}</Link>
      {status?.connected && (
        <button type="button" className="button button-secondary" disabled={asked}
          onClick={() => void askPa({ request: 'step-help', about: step.text }).then(() => setAsked(true))}>
          {t('plan.step.askPa')}
        </button>
      )}
      <p role="status" className="status-line">{asked ? t('plan.step.asked') : ''}</p>
    </div>
  );
}
