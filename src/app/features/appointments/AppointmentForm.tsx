// Add or change an appointment. Nothing is saved until every answer makes sense; nothing typed is ever thrown away.
import type { ParseKeys } from 'i18next';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';

import { NOTES_MAX, TRAVEL_HELP } from '../../../shared/appointments/schema.ts';
import { useDraft } from '../../ui/draft.ts';
import type { FromStep } from '../plan/StepActions.tsx';
import { type AppointmentDraft, appointmentFromDraft, type DraftField, draftFromAppointment, type DraftProblem, emptyDraft } from './draft.ts';
import { saveAppointment } from './mutations.ts';
import { useAppointment } from './queries.ts';
import { ReminderChoices } from './ReminderChoices.tsx';
import { ServicePicker } from './ServicePicker.tsx';
import type { PickedService } from './services.ts';

export function AppointmentForm() {
  const { id } = useParams();
  const existing = useAppointment(id);
  if (id && existing === undefined) return null;
  if (id && existing === null) return <NotFound />;
  return <AppointmentFormFields key={id ?? 'new'} existing={existing ?? undefined} />;
}

function NotFound() {
  const { t } = useTranslation();
  return (
    <section className="appt-screen">
      <h1>{t('appointments.form.editTitle')}</h1>
      <p role="status">{t('appointments.notFound')}</p>
      <Link className="appt-link" to="/appointments">{t('appointments.back')}</Link>
    </section>
  );
}

function AppointmentFormFields({ existing }: { existing?: Parameters<typeof draftFromAppointment>[0] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  // "Add to an appointment" on a Find help service page brings the service along.
  // "Make it an appointment" on a step of My plan brings the step's words and day.
  const state = useLocation().state as { service?: PickedService; fromStep?: FromStep } | null;
  const fromService = state?.service;
  const fromStep = state?.fromStep;
  // Kept as it is typed (per appointment), so a reload or an update gives back the half-filled form.
  const kept = useDraft<AppointmentDraft>(`appointment-form:${existing?.id ?? 'new'}`, () => (existing ? draftFromAppointment(existing)
    : fromService ? { ...emptyDraft(), service: { id: fromService.id, name: fromService.name, phone: fromService.phone }, place: fromService.place || fromService.name }
    : fromStep ? { ...emptyDraft(), title: fromStep.title, ...(fromStep.date && { date: fromStep.date }) }
    : emptyDraft()));
  const draft = kept.value;
  const [problems, setProblems] = useState<DraftProblem[]>([]);
  const summaryRef = useRef<HTMLParagraphElement>(null);

  const change = (c: Partial<AppointmentDraft>) => kept.set((d) => ({ ...d, ...c }));
  const problemOf = (field: DraftField) => problems.find((p) => p.field === field);
  const errorId = (field: DraftField) => (problemOf(field) ? `appt-${field}-error` : undefined);

  useEffect(() => { if (problems.length > 0) summaryRef.current?.focus(); }, [problems]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = appointmentFromDraft(draft, existing ?? { id: crypto.randomUUID() }, new Date());
    if (!result.ok) { setProblems(result.problems); return; }
    setProblems([]);
    await saveAppointment(result.appointment);
    kept.clear();
    void navigate(`/appointments/${result.appointment.id}`, { replace: !!existing });
  }

  const field = (name: DraftField, label: string, control: ReactNode, hint?: string) => (
    <div className="appt-field">
      <label htmlFor={`appt-${name}`}>{label}</label>
      {hint && <p className="appt-hint" id={`appt-${name}-hint`}>{hint}</p>}
      {control}
      {problemOf(name) && <p className="appt-error" id={`appt-${name}-error`}>{t(`appointments.problems.${problemOf(name)!.key}` as ParseKeys, problemOf(name)!.values)}</p>}
    </div>
  );
  const describedBy = (name: DraftField, hint = false) => [hint ? `appt-${name}-hint` : '', errorId(name) ?? ''].filter(Boolean).join(' ') || undefined;
  const invalid = (name: DraftField) => (problemOf(name) ? true : undefined);

  return (
    <section className="appt-screen">
      <h1>{t(existing ? 'appointments.form.editTitle' : 'appointments.form.newTitle')}</h1>
      <form className="appt-form" onSubmit={submit} noValidate>
        {problems.length > 0 && <p className="appt-error appt-summary" role="alert" tabIndex={-1} ref={summaryRef}>{t('appointments.form.fixProblems')}</p>}
        {field('title', t('appointments.form.what'),
          <input id="appt-title" value={draft.title} dir="auto" autoComplete="off" aria-invalid={invalid('title')}
            aria-describedby={describedBy('title', true)} onChange={(e) => change({ title: e.target.value })} />,
          t('appointments.form.whatHint'))}
        <div className="appt-row">
          {field('date', t('appointments.form.date'),
            <input id="appt-date" type="date" value={draft.date} aria-invalid={invalid('date')} aria-describedby={describedBy('date')}
              onChange={(e) => change({ date: e.target.value })} />)}
          {field('time', t('appointments.form.time'),
            <input id="appt-time" type="time" value={draft.time} aria-invalid={invalid('time')} aria-describedby={describedBy('time')}
              onChange={(e) => change({ time: e.target.value })} />)}
        </div>
        {field('endTime', t('appointments.form.endTime'),
          <input id="appt-endTime" type="time" value={draft.endTime} aria-invalid={invalid('endTime')} aria-describedby={describedBy('endTime')}
            onChange={(e) => change({ endTime: e.target.value })} />)}
        {field('place', t('appointments.form.where'),
          <input id="appt-place" value={draft.place} dir="auto" aria-invalid={invalid('place')} aria-describedby={describedBy('place', true)}
            onChange={(e) => change({ place: e.target.value })} />,
          t('appointments.form.placeHint'))}
        <ServicePicker chosen={draft.service}
          onPick={(s) => change({ service: { id: s.id, name: s.name, phone: s.phone }, place: draft.place.trim() === '' ? s.place || s.name : draft.place })}
          onUnlink={() => change({ service: undefined })} />
        {field('notes', t('appointments.form.notes'),
          <>
            <textarea id="appt-notes" rows={4} value={draft.notes} dir="auto" aria-invalid={invalid('notes')}
              aria-describedby={[describedBy('notes', true), 'appt-notes-count'].filter(Boolean).join(' ')}
              onChange={(e) => change({ notes: e.target.value })} />
            <p className="appt-hint" id="appt-notes-count">{t('appointments.form.notesCount', { count: draft.notes.length, max: NOTES_MAX })}</p>
          </>,
          t('appointments.form.notesHint'))}
        <ReminderChoices draft={draft} onChange={change} errorId={errorId('reminders')} />
        {problemOf('reminders') && <p className="appt-error" id="appt-reminders-error">{t(`appointments.problems.${problemOf('reminders')!.key}` as ParseKeys, problemOf('reminders')!.values)}</p>}
        <fieldset className="appt-fieldset" aria-describedby="appt-travel-hint">
          <legend>{t('appointments.form.travelLegend')}</legend>
          <p className="appt-hint" id="appt-travel-hint">{t('appointments.form.travelHint')}</p>
          {TRAVEL_HELP.map((k) => (
            <div className="appt-check" key={k}>
              <input id={`appt-travel-${k}`} type="checkbox" checked={draft.travelHelp[k]}
                onChange={(e) => change({ travelHelp: { ...draft.travelHelp, [k]: e.target.checked } })} />
              <label htmlFor={`appt-travel-${k}`}>{t(`appointments.form.${k}`)}</label>
            </div>
          ))}
        </fieldset>
        <div className="appt-check">
          <input id="appt-details" type="checkbox" checked={draft.showDetailsInNotification} aria-describedby="appt-details-hint"
            onChange={(e) => change({ showDetailsInNotification: e.target.checked })} />
          <label htmlFor="appt-details">{t('appointments.form.showDetails')}</label>
        </div>
        <p className="appt-hint" id="appt-details-hint">{t('appointments.form.showDetailsHint')}</p>
        <div className="appt-actions">
          <button type="submit" className="button">{t('appointments.form.save')}</button>
          <Link className="appt-link" to={existing ? `/appointments/${existing.id}` : '/appointments'}>{t('appointments.form.cancel')}</Link>
        </div>
      </form>
    </section>
  );
}
