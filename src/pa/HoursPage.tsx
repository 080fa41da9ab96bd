// Set my working hours (UK time). Sharing outside them tells the young person when I'll likely see it.
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { weekdayName } from '../shared/languages.ts';
import type { WorkingHours } from '../shared/sharing/schemas.ts';
import { paFetch } from './api.ts';
import { PageHeading } from './page.tsx';

type Row = { day: number; works: boolean; start: string; end: string };

export function HoursPage({ initial }: { initial: WorkingHours }) {
  const { t, i18n } = useTranslation();
  const [rows, setRows] = useState<Row[]>(() => [1, 2, 3, 4, 5, 6, 7].map((day) => {
    const set = initial.days.find((d) => d.day === day);
    return { day, works: !!set, start: set?.start ?? '09:00', end: set?.end ?? '17:00' };
  }));
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const dayName = (day: number) => weekdayName(day, i18n.language);
  const update = (day: number, change: Partial<Row>) => setRows((all) => all.map((r) => (r.day === day ? { ...r, ...change } : r)));

  async function save(event: FormEvent) {
    event.preventDefault();
    const days = rows.filter((r) => r.works).map(({ day, start, end }) => ({ day, start, end }));
    if (days.some((d) => d.end <= d.start)) {
      setError(t('pa.hours.invalid'));
      return;
    }
    setError('');
    try {
      await paFetch('PUT', '/pa/working-hours', { days });
      setStatus(t('pa.hours.saved'));
    } catch {
      setError(t('pa.errors.server'));
    }
  }

  return (
    <form className="pa-form" onSubmit={(e) => void save(e)} noValidate aria-describedby={error ? 'hours-error' : undefined}>
      <PageHeading title={t('pa.hours.title')} />
      <p>{t('pa.hours.explain')}</p>
      {rows.map((r) => (
        <fieldset key={r.day} className="pa-hours-row">
          <legend>{dayName(r.day)}</legend>
          <label className="pa-check">
            <input type="checkbox" checked={r.works} onChange={(e) => update(r.day, { works: e.target.checked })} />
            {t('pa.hours.works', { day: dayName(r.day) })}
          </label>
          {r.works && (
            <div className="pa-times">
              <label>{t('pa.hours.start', { day: dayName(r.day) })}<input type="time" value={r.start} onChange={(e) => update(r.day, { start: e.target.value })} /></label>
              <label>{t('pa.hours.end', { day: dayName(r.day) })}<input type="time" value={r.end} onChange={(e) => update(r.day, { end: e.target.value })} /></label>
            </div>
          )}
        </fieldset>
      ))}
      {error && <p id="hours-error" role="alert" className="pa-error">{error}</p>}
      <button type="submit" className="pa-button">{t('pa.hours.save')}</button>
      <p role="status">{status}</p>
    </form>
  );
}
