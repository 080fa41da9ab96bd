// My plan: a few goals in the young person's own words, each with the next small step. Theirs, not the council's:
// no scores, no streaks, nothing to fill in before they can start (starting points prefill a goal they then edit).
import type { ParseKeys } from 'i18next';
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { LIFE_AREAS, type LifeArea } from '../../../shared/checkinOptions.ts';
import { GOAL_STARTERS, GOAL_TEXT_MAX, GOALS_MAX, type GoalStarter, STEP_TEXT_MAX } from '../../../shared/plan/goals.ts';
import { GoalCard } from './GoalCard.tsx';
import { addGoal, refreshSuggestions } from './mutations.ts';
import { usePlan } from './queries.ts';

import './plan.css';

type NewGoal = { text: string; area: LifeArea; step: string; due: string };

export default function PlanScreen() {
  const { t } = useTranslation();
  const plan = usePlan();
  const anyShared = plan?.goals.some((g) => g.sharedWithPa) ?? false;
  // Suggestions exist only for shared goals: ask the server only when there is one.
  useEffect(() => {
    if (anyShared) void refreshSuggestions();
  }, [anyShared]);
  const [adding, setAdding] = useState<NewGoal | null>(null);
  const [status, setStatus] = useState('');
  if (plan === undefined) return null;
  const { goals, suggestions } = plan;
  const full = goals.length >= GOALS_MAX;

  const start = (starter: GoalStarter | null) => {
    const area = GOAL_STARTERS.find((s) => s.key === starter)?.area ?? 'home';
    setStatus('');
    setAdding({ text: starter ? t(`plan.starters.${starter}.goal` as ParseKeys) : '', area, step: '', due: '' });
  };

  return (
    <div className="plan">
      <h1>{t('plan.title')}</h1>
      <p>{t('plan.intro')}</p>
      <p role="status" className="status-message">{status}</p>
      {goals.length === 0 && !adding && <p>{t('plan.empty')}</p>}
      {goals.map((goal) => <GoalCard key={goal.id} goal={goal} suggestions={suggestions.filter((s) => s.goalId === goal.id)} onStatus={setStatus} />)}
      {adding ? (
        <NewGoalForm
          value={adding}
          onChange={setAdding}
          onCancel={() => setAdding(null)}
          onSaved={() => { setAdding(null); setStatus(t('plan.saved')); }}
        />
      ) : full ? <p className="muted">{t('plan.full', { max: GOALS_MAX })}</p> : (
        <section className="card" aria-labelledby="plan-add">
          <h2 id="plan-add">{t('plan.starters.title')}</h2>
          <ul className="plan-starters">
            {GOAL_STARTERS.map((s) => (
              <li key={s.key}>
                <button type="button" className="button button-secondary" onClick={() => start(s.key)}>{t(`plan.starters.${s.key}.label` as ParseKeys)}</button>
              </li>
            ))}
            <li><button type="button" className="button button-secondary" onClick={() => start(null)}>{t('plan.starters.own')}</button></li>
          </ul>
        </section>
      )}
    </div>
  );
}

function NewGoalForm({ value, onChange, onCancel, onSaved }: { value: NewGoal; onChange: (v: NewGoal) => void; onCancel: () => void; onSaved: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [missing, setMissing] = useState(false);
  const set = (c: Partial<NewGoal>) => onChange({ ...value, ...c });

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!value.text.trim()) { setMissing(true); return; }
    const saved = await addGoal({ text: value.text, area: value.area, step: { text: value.step, due: value.due || undefined } });
    if (saved) onSaved();
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('plan.form.title')}</h2>
      <form onSubmit={(e) => void save(e)} noValidate>
        <div className="plan-field">
          <label htmlFor={`${id}-goal`}>{t('plan.form.goal')}</label>
          <input id={`${id}-goal`} className="text-input plan-input" dir="auto" maxLength={GOAL_TEXT_MAX} value={value.text}
            aria-invalid={missing} aria-describedby={missing ? `${id}-goal-error` : undefined}
            onChange={(e) => { set({ text: e.target.value }); setMissing(false); }} />
          {missing && <p id={`${id}-goal-error`} role="alert" className="error-message">{t('plan.form.goalMissing')}</p>}
        </div>
        <div className="plan-field">
          <label htmlFor={`${id}-area`}>{t('plan.form.area')}</label>
          <select id={`${id}-area`} className="text-input plan-input" value={value.area} onChange={(e) => set({ area: e.target.value as LifeArea })}>
            {LIFE_AREAS.map((a) => <option key={a} value={a}>{t(`checkin.areas.${a}`)}</option>)}
          </select>
        </div>
        <div className="plan-field">
          <label htmlFor={`${id}-step`}>{t('plan.form.step')}</label>
          <span id={`${id}-step-hint`} className="muted">{t('plan.form.stepHint')}</span>
          <input id={`${id}-step`} className="text-input plan-input" dir="auto" maxLength={STEP_TEXT_MAX} value={value.step} aria-describedby={`${id}-step-hint`}
            onChange={(e) => set({ step: e.target.value })} />
        </div>
        <div className="plan-field">
          <label htmlFor={`${id}-due`}>{t('plan.form.due')}</label>
          <input id={`${id}-due`} className="text-input plan-input" type="date" value={value.due} onChange={(e) => set({ due: e.target.value })} />
        </div>
        <div className="button-row">
          <button type="submit" className="button">{t('plan.form.save')}</button>
          <button type="button" className="button button-secondary" onClick={onCancel}>{t('plan.form.cancel')}</button>
        </div>
      </form>
    </section>
  );
}
