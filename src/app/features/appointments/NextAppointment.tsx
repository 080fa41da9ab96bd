// On the Today screen (loaded lazily): what is next, and any reminders that have come due while the app was closed.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { useAppointments } from './queries.ts';
import { dueReminders, formatTime, localeOf, nextAppointment, relativeDay } from './when.ts';

import './appointments.css';

export default function NextAppointment() {
  const { t, i18n } = useTranslation();
  const appointments = useAppointments();
  if (!appointments) return null;
  const now = new Date();
  const language = localeOf(i18n.language);
  const due = dueReminders(appointments, now);
  const next = due[0] ?? nextAppointment(appointments, now);
  if (!next) return null;
  const when = (startsAt: string) => t('appointments.at', { day: relativeDay(startsAt, now, language), time: formatTime(startsAt, language) });
  return (
    <section className={due.length > 0 ? 'appt-card appt-card--due' : 'appt-card'} aria-labelledby="appt-next-heading">
      <h2 id="appt-next-heading">{t(due.length > 0 ? 'appointments.next.dueHeading' : 'appointments.next.heading')}</h2>
      <ul className="appt-list">
        {(due.length > 0 ? due : [next]).map((a) => (
          <li key={a.id} className="appt-item">
            <Link className="appt-item-link" to={`/appointments/${a.id}`}>
              <span className="appt-item-title" dir="auto">{a.title}</span>
              <span className="appt-item-when">{when(a.startsAt)}</span>
            </Link>
          </li>
        ))}
      </ul>
      <Link className="appt-link" to="/appointments">{t('appointments.next.seeAll')}</Link>
    </section>
  );
}
