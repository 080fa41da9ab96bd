// One goal: its words and area, the next small step (tick it done, or add the next), what is done so far, and
// quiet controls: on hold, delete, share with the PA.
import { Suspense, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { type Goal, nextStepOf } from '../../../shared/plan/goals.ts';
import type { StepSuggestion } from '../../../shared/plan/schema.ts';
import { formatDay, formatShortDate } from '../../i18n/format.ts';
import { lazyWithWords } from '../../i18n/lazyWithWords.ts';
import { GoalWords } from './GoalWords.tsx';
import { addStep, deleteGoal, putOnHold, tickStep } from './mutations.ts';
import { StepForm } from './StepForm.tsx';
import { Suggestions } from './Suggestions.tsx';

// Sharing code loads only when a goal is on screen.
const GoalShare = lazyWithWords(() => import('./GoalShare.tsx'));
const StepActions = lazyWithWords(() => import('./StepActions.tsx'));

/** A YYYY-MM-DD day as a date at noon on the phone, so no time zone moves it to the day before. */
export const dayAsDate = (day: string) => new Date(`${day}T12:00:00`);

export function GoalCard({ goal, suggestions = [], onStatus }: { goal: Goal; suggestions?: StepSuggestion[]; onStatus: (message: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [changing, setChanging] = useState(false);
  const next = nextStepOf(goal);
  const done = goal.steps.filter((s) => s.doneAt);

  return (
    <section className="card plan-goal" aria-labelledby={`${id}-goal`}>
      <h2 id={`${id}-goal`} dir="auto">{goal.text}</h2>
      <p className="plan-area muted">
        {t(`checkin.areas.${goal.area}`)}
        {goal.onHold && <> · <span className="plan-tag">{t('plan.goal.onHold')}</span></>}
      </p>
      {next ? (
        <div>
          <p className="plan-next">
            {t('plan.goal.next')} <span dir="auto">{next.text}</span>
            {next.due && <> · {formatDay(dayAsDate(next.due))}</>}
          </p>
          <div className="button-row">
            <button type="button" className="button" onClick={() => void tickStep(goal.id, next.id).then(() => onStatus(t('plan.stepDone')))}>
              {t('plan.goal.tick')}
            </button>
          </div>
          <Suspense fallback={null}><StepActions goal={goal} step={next} /></Suspense>
        </div>
      ) : (
        <>
          <p className="muted">{t('plan.goal.noNext')}</p>
          <StepForm label={t('plan.goal.addStep')} onSave={(step) => addStep(goal.id, step).then(() => onStatus(t('plan.saved')))} />
        </>
      )}
      {goal.sharedWithPa && <Suggestions suggestions={suggestions} onStatus={onStatus} />}
      {done.length > 0 && (
        <>
          <h3>{t('plan.goal.doneSteps')}</h3>
          <ul className="plan-done-list">
            {done.map((s) => <li key={s.id}><span dir="auto">{s.text}</span> · {formatShortDate(s.doneAt!)}</li>)}
          </ul>
        </>
      )}
      <Suspense fallback={null}><GoalShare goal={goal} /></Suspense>
      {changing && <GoalWords goal={goal} onDone={() => setChanging(false)} />}
      <div className="button-row">
        {!changing && <button type="button" className="button button-secondary" onClick={() => setChanging(true)}>{t('plan.goal.edit')}</button>}
        <button type="button" className="button button-secondary" onClick={() => void putOnHold(goal.id, !goal.onHold)}>
          {goal.onHold ? t('plan.goal.resume') : t('plan.goal.hold')}
        </button>
        {!confirmDelete && (
          <button type="button" className="button button-secondary" onClick={() => setConfirmDelete(true)}>{t('plan.goal.delete')}</button>
        )}
      </div>
      {confirmDelete && (
        <div role="group" aria-labelledby={`${id}-confirm`}>
          <p id={`${id}-confirm`}>{t('plan.goal.deleteConfirm')}</p>
          <div className="button-row">
            <button type="button" className="button button-danger" onClick={() => void deleteGoal(goal.id).then(() => onStatus(t('plan.deleted')))}>
              {t('plan.goal.deleteYes')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setConfirmDelete(false)}>{t('plan.goal.deleteNo')}</button>
          </div>
        </div>
      )}
    </section>
  );
}
