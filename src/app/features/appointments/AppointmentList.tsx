// Upcoming and past appointments, with "today", "tomorrow", "in 3 days" and what happened to past ones.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import type { Appointment } from '../../../shared/appointments/schema.ts';
import { useAppointments } from './queries.ts';
import { formatDate, formatTime, isNearby, isPast, localeOf, relativeDay } from './when.ts';

export function AppointmentList() {
  const { t, i18n } = useTranslation();
  const appointments = useAppointments();
  const now = new Date();
  if (!appointments) return null;
  const upcoming = appointments.filter((a) => !isPast(a, now));
  const past = appointments.filter((a) => isPast(a, now)).reverse();
  const language = localeOf(i18n.language);

  const item = (a: Appointment) => (
    <li key={a.id} className="appt-item">
      <Link to={`/appointments/${a.id}`} className="appt-item-link">
        <span className="appt-item-title" dir="auto">{a.title}</span>
        <span className="appt-item-when">
          {t('appointments.at', { day: isPast(a, now) ? formatDate(a.startsAt, language) : relativeDay(a.startsAt, now, language), time: formatTime(a.startsAt, language) })}
        </span>
        {!isPast(a, now) && isNearby(a.startsAt, now) && <span className="appt-item-date">{formatDate(a.startsAt, language)}</span>}
        {a.status === 'cancelled' && <span className="appt-tag">{t('appointments.cancelled')}</span>}
        {a.outcome && <span className="appt-tag">{t(a.outcome === 'went' ? 'appointments.went' : 'appointments.couldntGo')}</span>}
      </Link>
    </li>
  );

  return (
    <section className="appt-screen">
      <h1>{t('appointments.title')}</h1>
      <Link to="/appointments/new" className="button button-block">{t('appointments.add')}</Link>
      <h2>{t('appointments.upcoming')}</h2>
      {upcoming.length === 0 ? <p>{t('appointments.noneUpcoming')}</p> : <ul className="appt-list">{upcoming.map(item)}</ul>}
      <h2>{t('appointments.past')}</h2>
      {past.length === 0 ? <p>{t('appointments.nonePast')}</p> : <ul className="appt-list">{past.map(item)}</ul>}
    </section>
  );
}
