// The goals a young person shared from their plan: their words, the steps done and the next step. Only what they
// shared (the PA's copy from src/shared/sharing/paCopy.ts), gone as soon as they stop sharing.
import type { ParseKeys } from 'i18next';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { intlLocale } from '../shared/languages.ts';
import type { StepSuggestion } from '../shared/plan/schema.ts';
import type { SharedItem } from '../shared/sharing/schemas.ts';
import { paFetch } from './api.ts';
import { formatWhen } from './i18n.ts';
import { SeenForm } from './SeenForm.tsx';
import { SuggestStep } from './SuggestStep.tsx';

type GoalCopy = { text: string; area: string; onHold: boolean; done: { text: string; doneAt: string }[]; next: { text: string; due?: string } | null };

export function SharedGoals({ personId, goals, onChange }: { personId: string; goals: SharedItem[]; onChange: (status: string) => void }) {
  const { t, i18n } = useTranslation();
  const [suggestions, setSuggestions] = useState<StepSuggestion[]>([]);
  const load = useCallback(() => {
    paFetch<{ suggestions: StepSuggestion[] }>('GET', `/pa/people/${encodeURIComponent(personId)}/suggestions`).then((r) => setSuggestions(r.suggestions), () => undefined);
  }, [personId]);
  useEffect(load, [load, goals.length]);
  if (goals.length === 0) return null;
  const day = (d: string) => new Intl.DateTimeFormat(intlLocale(i18n.language), { weekday: 'long', day: 'numeric', month: 'long' }).format(new Date(`${d}T12:00:00`));
  return (
    <section aria-labelledby="pa-goals-title">
      <h2 id="pa-goals-title">{t('pa.person.goals.title')}</h2>
      <ul className="pa-items">
        {goals.map((item) => {
          const goal = item.data as GoalCopy;
          const waiting = suggestions.filter((s) => s.goalId === item.id);
          return (
            <li key={item.id} className="pa-card pa-goal">
              <h3 className="pa-item-title" dir="auto">{goal.text}</h3>
              <p className="pa-muted">{t('pa.person.goals.area')} {t(`checkin.areas.${goal.area}` as ParseKeys)}{goal.onHold && <> · {t('pa.person.goals.onHold')}</>}</p>
              {goal.done.length > 0 ? (
                <>
                  <p>{t('pa.person.goals.done')}</p>
                  <ul>{goal.done.map((s, n) => <li key={n}><span dir="auto">{s.text}</span> · {formatWhen(s.doneAt, i18n.language)}</li>)}</ul>
                </>
              ) : <p className="pa-muted">{t('pa.person.goals.noneDone')}</p>}
              <p>
                {goal.next ? <>{t('pa.person.goals.next')} <span dir="auto">{goal.next.text}</span>{goal.next.due && <> · {t('pa.person.goals.due', { when: day(goal.next.due) })}</>}</>
                  : t('pa.person.goals.noNext')}
              </p>
              {waiting.map((s) => <p key={s.id} className="pa-muted">{t('pa.person.goals.suggestionWaiting', { step: s.text })}</p>)}
              <SuggestStep personId={personId} goalId={item.id} onSent={() => { load(); onChange(t('pa.person.goals.suggested')); }} />
              {!item.seenAt && <SeenForm shareIds={[item.id]} personId={personId} about={goal.text} onSeen={() => onChange(t('pa.person.saved'))} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
