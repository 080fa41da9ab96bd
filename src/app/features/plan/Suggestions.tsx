// Steps the PA suggested on this goal: the young person adds one as it is, changes it first, or lets it go.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { StepSuggestion } from '../../../shared/plan/schema.ts';
import { formatDay } from '../../i18n/format.ts';
import { dayAsDate } from './GoalCard.tsx';
import { acceptSuggestion, ignoreSuggestion } from './mutations.ts';
import { StepForm } from './StepForm.tsx';

export function Suggestions({ suggestions, onStatus }: { suggestions: StepSuggestion[]; onStatus: (message: string) => void }) {
  return <>{suggestions.map((s) => <Suggestion key={s.id} suggestion={s} onStatus={onStatus} />)}</>;
}

function Suggestion({ suggestion, onStatus }: { suggestion: StepSuggestion; onStatus: (message: string) => void }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  return (
    <div className="plan-suggestion">
      <p>
        {t('plan.suggestion.title')} <span dir="auto">{suggestion.text}</span>
        {suggestion.due && <> · {formatDay(dayAsDate(suggestion.due))}</>}
      </p>
      {editing ? (
        <StepForm label={t('plan.goal.addStep')} initial={{ text: suggestion.text, due: suggestion.due }} onCancel={() => setEditing(false)}
          onSave={(step) => acceptSuggestion(suggestion, step).then(() => onStatus(t('plan.saved')))} />
      ) : (
        <div className="button-row">
          <button type="button" className="button" onClick={() => void acceptSuggestion(suggestion).then(() => onStatus(t('plan.saved')))}>{t('plan.suggestion.accept')}</button>
          <button type="button" className="button button-secondary" onClick={() => setEditing(true)}>{t('plan.suggestion.edit')}</button>
          <button type="button" className="button button-secondary" onClick={() => void ignoreSuggestion(suggestion)}>{t('plan.suggestion.ignore')}</button>
        </div>
      )}
    </div>
  );
}
