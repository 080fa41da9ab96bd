// My safety plan: the six Stanley–Brown steps in plain words, plus "what keeps me going". Private: never shared with
// a PA; backed up like their other records so a restored phone gets it back. Half-written steps are kept as a draft.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import crisis from '../../../shared/directory/data/crisis-contacts.json';
import { SAFETY_PLAN_STEP_MAX, SAFETY_PLAN_STEPS, type SafetyPlan, type SafetyPlanStep } from '../../../shared/directory/personal.ts';
import { saveRecord } from '../../data/records.ts';
import { ReadAloud } from '../../i18n/ReadAloud.tsx';
import { useDraft } from '../../ui/draft.ts';
import { useSavedServices } from '../directory/queries.ts';
import { useServices } from '../directory/queries.ts';
import { useSafetyPlan } from './queries.ts';

import './safety-plan.css';

type Draft = Partial<Record<SafetyPlanStep, string>>;

function useSavedContacts(): string[] {
  const { t } = useTranslation();
  const services = useServices();
  const favourites = useSavedServices();
  const crisisLines = crisis.contacts.map((c) => {
    const name = t(`help.lines.${c.id}.name`, { defaultValue: c.name });
    return `${name}: ${c.phone ?? `${c.sms?.body ?? ''} ${c.sms?.number ?? ''}`.trim()}`;
  });
  const saved = (favourites ?? []).map((f) => services?.find((s) => s.id === f.serviceId)).filter((s) => s !== undefined)
    .map((s) => (s.contacts.phone ? `${s.name}: ${s.contacts.phone}` : s.name));
  return [...crisisLines, ...saved];
}

export default function SafetyPlanScreen() {
  const { t } = useTranslation();
  const id = useId();
  const stored = useSafetyPlan();
  const kept = useDraft<Draft>('safety-plan', {});
  const [status, setStatus] = useState('');
  const contacts = useSavedContacts();
  // Until the person types, the form shows the saved plan (which may arrive from a backup meanwhile).
  const draft: Draft = kept.dirty ? kept.value : (stored ?? {});

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const plan: SafetyPlan = { id: stored?.id ?? crypto.randomUUID(), updatedAt: new Date().toISOString() };
    for (const step of SAFETY_PLAN_STEPS) if (draft[step]?.trim()) plan[step] = draft[step].slice(0, SAFETY_PLAN_STEP_MAX);
    await saveRecord('safetyPlan', plan);
    kept.clear();
    setStatus(t('safetyPlan.saved'));
  };

  return (
    <div className="safety-plan">
      <h1>{t('safetyPlan.title')}</h1>
      <ReadAloud from=".safety-plan" />
      <p>{t('safetyPlan.intro')}</p>
      <form onSubmit={save}>
        {SAFETY_PLAN_STEPS.map((step) => (
          <div key={step} className="safety-plan__step">
            <label htmlFor={`${id}-${step}`}>{t(`safetyPlan.steps.${step}.label`)}</label>
            <span id={`${id}-${step}-hint`} className="safety-plan__hint">{t(`safetyPlan.steps.${step}.hint`)}</span>
            {step === 'professionals' && (
              <div className="safety-plan__prefilled">
                <p>{t('safetyPlan.prefilled')}</p>
                <ul>{contacts.map((c) => <li key={c}><bdi>{c}</bdi></li>)}</ul>
              </div>
            )}
            <textarea
              id={`${id}-${step}`}
              className="text-input safety-plan__input"
              dir="auto"
              rows={3}
              maxLength={SAFETY_PLAN_STEP_MAX}
              aria-describedby={`${id}-${step}-hint`}
              value={draft[step] ?? ''}
              onChange={(e) => {
                kept.set({ ...draft, [step]: e.target.value });
                setStatus('');
              }}
            />
            <p className="safety-plan__print-copy" dir="auto">{draft[step] ?? ''}</p>
          </div>
        ))}
        <div className="safety-plan__actions">
          <button type="submit" className="button">{t('safetyPlan.save')}</button>
          <button type="button" className="button button-secondary" onClick={() => window.print()}>{t('safetyPlan.print')}</button>
          <Link to="/help" className="button button-secondary">{t('safetyPlan.helpNowLink')}</Link>
        </div>
        <p role="status" className="safety-plan__status">{status}</p>
      </form>
    </div>
  );
}
