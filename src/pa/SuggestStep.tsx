// Suggest a next step on a goal the young person shared: a suggestion, never a task. They add it, change it or let it go.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { STEP_TEXT_MAX } from '../shared/plan/goals.ts';
import { paFetch } from './api.ts';

export function SuggestStep({ personId, goalId, onSent }: { personId: string; goalId: string; onSent: () => void }) {
  const { t } = useTranslation();
  const ids = { text: useId(), due: useId(), error: useId() };
  const [text, setText] = useState('');
  const [due, setDue] = useState('');
  const [error, setError] = useState('');

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!text.trim()) return;
    try {
      await paFetch('POST', `/pa/people/${encodeURIComponent(personId)}/goals/${encodeURIComponent(goalId)}/suggestions`, { text, ...(due && { due }) });
      setText('');
      setDue('');
      setError('');
      onSent();
    } catch {
      setError(t('pa.errors.server'));
    }
  }

  return (
    <form className="pa-form" onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor={ids.text}>{t('pa.person.goals.suggestLabel')}</label>
      <input id={ids.text} dir="auto" maxLength={STEP_TEXT_MAX} value={text} onChange={(e) => setText(e.target.value)}
        aria-invalid={!!error} aria-describedby={error ? ids.error : undefined} />
      <label htmlFor={ids.due}>{t('pa.person.goals.suggestDue')}</label>
      <input id={ids.due} type="date" value={due} onChange={(e) => setDue(e.target.value)} />
      {error && <p id={ids.error} className="pa-error" role="alert">{error}</p>}
      <button type="submit" className="pa-button pa-button-secondary">{t('pa.person.goals.suggestSend')}</button>
    </form>
  );
}
