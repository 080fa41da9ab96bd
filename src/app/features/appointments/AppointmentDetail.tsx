// One appointment: when and where, add it to the calendar, turn on reminders, "can't make it", and "did you go?".
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';

import { appointmentToIcs, icsFileName } from '../../../shared/appointments/ics.ts';
import { type Appointment, TRAVEL_HELP } from '../../../shared/appointments/schema.ts';
import { AskPaAboutAppointment } from '../sharing/AskPaAboutAppointment.tsx';
import { CantMakeIt } from './CantMakeIt.tsx';
import { deleteAppointment, recordOutcome, setCancelled } from './mutations.ts';
import { useAppointment } from './queries.ts';
import { RemindMe } from './RemindMe.tsx';
import { formatDate, formatTime, isNearby, isPast, localeOf, relativeDay, reminderParts } from './when.ts';

export function AppointmentDetail() {
  const { id } = useParams();
  const appointment = useAppointment(id);
  const { t } = useTranslation();
  if (appointment === undefined) return null;
  if (appointment === null) {
    return (
      <section className="appt-screen">
        <h1>{t('appointments.title')}</h1>
        <p role="status">{t('appointments.notFound')}</p>
        <Link className="appt-link" to="/appointments">{t('appointments.back')}</Link>
      </section>
    );
  }
  return <Details appointment={appointment} />;
}

function downloadIcs(a: Appointment, words: { reminder: string; phone: string }) {
  const url = URL.createObjectURL(new Blob([appointmentToIcs(a, words)], { type: 'text/calendar;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = icsFileName(a);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function Details({ appointment: a }: { appointment: Appointment }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [status, setStatus] = useState('');
  const now = new Date();
  const language = localeOf(i18n.language);
  const past = isPast(a, now);
  const travel = TRAVEL_HELP.filter((k) => a.travelHelp[k]);

  return (
    <section className="appt-screen">
      <Link className="appt-link" to="/appointments">{t('appointments.back')}</Link>
      <h1><bdi>{a.title}</bdi></h1>
      {a.status === 'cancelled' && <p className="appt-tag">{t('appointments.detail.cancelledNote')}</p>}
      <dl className="appt-facts">
        <dt>{t('appointments.detail.when')}</dt>
        <dd>
          {t('appointments.at', { day: relativeDay(a.startsAt, now, language), time: formatTime(a.startsAt, language) })}
          {isNearby(a.startsAt, now) && <><br />{formatDate(a.startsAt, language)}</>}{a.endsAt ? ` – ${formatTime(a.endsAt, language)}` : ''}
        </dd>
        {(a.place || a.serviceName) && (<>
          <dt>{t('appointments.detail.where')}</dt>
          <dd dir="auto">{[...new Set([a.serviceName, a.place].filter(Boolean))].join(', ')}</dd>
        </>)}
        {a.notes && (<><dt>{t('appointments.detail.notes')}</dt><dd dir="auto" className="appt-notes">{a.notes}</dd></>)}
        <dt>{t('appointments.detail.reminders')}</dt>
        <dd>{a.reminders.length === 0 ? t('appointments.detail.noReminders')
          : [...a.reminders].sort((x, y) => y - x).map((m) => { const p = reminderParts(m); return t(`appointments.reminder.${p.key}`, { count: p.count }); }).join(' · ')}</dd>
        {travel.length > 0 && (<><dt>{t('appointments.detail.travel')}</dt><dd>{travel.map((k) => t(`appointments.form.${k}`)).join(' · ')}</dd></>)}
      </dl>

      {past && a.status === 'planned' && (
        <section className="appt-card" aria-labelledby="appt-outcome-heading">
          <h2 id="appt-outcome-heading">{t('appointments.detail.didYouGo')}</h2>
          <div className="appt-actions">
            {(['went', 'couldnt-go'] as const).map((o) => (
              <button key={o} type="button" className="button" aria-pressed={a.outcome === o}
                onClick={async () => { await recordOutcome(a.id, o); setStatus(t('appointments.detail.outcomeSaved')); }}>
                {t(o === 'went' ? 'appointments.detail.iWent' : 'appointments.detail.iCouldntGo')}
              </button>
            ))}
          </div>
          {a.outcome === 'couldnt-go' && <AskPaAboutAppointment appointment={a} request="missed-appointment" label="sharing.appointment.tellCouldntGo" />}
        </section>
      )}
      <p role="status">{status}</p>

      {!past && a.status === 'planned' && (<>
        <div className="appt-card">
          <button type="button" className="button button-block"
            onClick={() => downloadIcs(a, { reminder: t('appointments.calendar.reminder'), phone: t('appointments.calendar.phone') })}>
            {t('appointments.detail.addToCalendar')}
          </button>
          <p className="appt-hint">{t('appointments.detail.addToCalendarHint')}</p>
        </div>
        <AskPaAboutAppointment appointment={a} request="travel-help" label="sharing.appointment.askTravel" />
        <RemindMe />
        <CantMakeIt appointment={a} />
      </>)}

      <div className="appt-actions">
        <Link className="button button-secondary" to={`/appointments/${a.id}/edit`}>{t('appointments.detail.edit')}</Link>
        <button type="button" className="button button-secondary" onClick={() => setCancelled(a.id, a.status === 'planned')}>
          {t(a.status === 'planned' ? 'appointments.detail.cancelAppointment' : 'appointments.detail.restore')}
        </button>
        {!confirmingDelete && <button type="button" className="button button-secondary" onClick={() => setConfirmingDelete(true)}>{t('appointments.detail.delete')}</button>}
      </div>
      {confirmingDelete && (
        <div className="appt-card" role="group" aria-labelledby="appt-delete-question">
          <p id="appt-delete-question">{t('appointments.detail.confirmDelete')}</p>
          <div className="appt-actions">
            <button type="button" className="button button-danger"
              onClick={async () => { await deleteAppointment(a.id); void navigate('/appointments', { replace: true }); }}>
              {t('appointments.detail.delete')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setConfirmingDelete(false)}>{t('appointments.detail.keep')}</button>
          </div>
        </div>
      )}
    </section>
  );
}
