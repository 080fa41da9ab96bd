// "Add the next step": a few words and, if they like, a day.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { STEP_TEXT_MAX } from '../../../shared/plan/goals.ts';
import type { StepInput } from './mutations.ts';

export function StepForm({ initial, label, onSave, onCancel }: { initial?: StepInput; label: string; onSave: (step: StepInput) => Promise<unknown>; onCancel?: () => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState(initial?.text ?? '');
  const [due, setDue] = useState(initial?.due ?? '');

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return;
    await onSave({ text, due: due || undefined, fromPa: initial?.fromPa });
    setText('');
    setDue('');
  }

  return (
    <form onSubmit={(e) => void save(e)} noValidate>
      <div className="plan-field">
        <label htmlFor={`${id}-text`}>{label}</label>
        <input id={`${id}-text`} className="text-input plan-input" dir="auto" maxLength={STEP_TEXT_MAX} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <div className="plan-field">
        <label htmlFor={`${id}-due`}>{t('plan.form.due')}</label>
        <input id={`${id}-due`} className="text-input plan-input" type="date" value={due} onChange={(e) => setDue(e.target.value)} />
      </div>
      <div className="button-row">
        <button type="submit" className="button">{t('plan.goal.addStepSave')}</button>
        {onCancel && <button type="button" className="button button-secondary" onClick={onCancel}>{t('plan.form.cancel')}</button>}
      </div>
    </form>
  );
}
