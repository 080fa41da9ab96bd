// Changing a goal's own words and its part of life, at any time: the plan stays theirs.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { LIFE_AREAS, type LifeArea } from '../../../shared/checkinOptions.ts';
import { type Goal, GOAL_TEXT_MAX } from '../../../shared/plan/goals.ts';
import { editGoal } from './mutations.ts';

export function GoalWords({ goal, onDone }: { goal: Goal; onDone: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(goal.text);
  const [area, setArea] = useState<LifeArea>(goal.area);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return;
    await editGoal(goal.id, { text, area });
    onDone();
  }

  return (
    <form onSubmit={(e) => void save(e)} noValidate>
      <div className="plan-field">
        <label htmlFor={`${id}-goal`}>{t('plan.form.goal')}</label>
        <input id={`${id}-goal`} className="text-input plan-input" dir="auto" maxLength={GOAL_TEXT_MAX} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <div className="plan-field">
        <label htmlFor={`${id}-area`}>{t('plan.form.area')}</label>
        <select id={`${id}-area`} className="text-input plan-input" value={area} onChange={(e) => setArea(e.target.value as LifeArea)}>
          {LIFE_AREAS.map((a) => <option key={a} value={a}>{t(`checkin.areas.${a}`)}</option>)}
        </select>
      </div>
      <div className="button-row">
        <button type="submit" className="button">{t('plan.form.save')}</button>
        <button type="button" className="button button-secondary" onClick={onDone}>{t('plan.form.cancel')}</button>
      </div>
    </form>
  );
}
