// How the service is doing, by month: young people connected, requests made, median hours until a share is seen,
// and the share seen within one working day. From counted young people only; hidden under 10 (the server decides).
import { useTranslation } from 'react-i18next';

import { intlLocale } from '../shared/languages.ts';
import { COUNT_STEP } from '../shared/sharing/monitoring.ts';
import type { OperationalMonth } from '../shared/sharing/operational.ts';

export function ServiceFigures({ months }: { months: OperationalMonth[] }) {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const hidden = t('pa.figures.hidden');
  const format = (n: number) => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(n);
  const count = (n: number | null) => (n === null ? hidden : t('pa.figures.range', { from: format(n), to: format(n + COUNT_STEP - 1) }));
  const pct = (n: number | null) => (n === null ? hidden : new Intl.NumberFormat(locale, { style: 'percent' }).format(n));
  const month = (m: string) => new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${m}-01T00:00:00Z`));
  return (
    <section aria-labelledby="service-figures-title">
      <h2 id="service-figures-title">{t('pa.figures.service.title')}</h2>
      <p>{t('pa.figures.service.withinDayExplain')}</p>
      {/* Scrolls sideways on a phone, so it takes keyboard focus. */}
      <div className="pa-table-wrap" tabIndex={0} role="region" aria-label={t('pa.figures.service.tableLabel')}>
        <table className="pa-table">
          <thead>
            <tr>
              <th scope="col">{t('pa.figures.month')}</th>
              <th scope="col">{t('pa.figures.service.connected')}</th>
              <th scope="col">{t('pa.figures.service.requests')}</th>
              <th scope="col">{t('pa.figures.service.medianHours')}</th>
              <th scope="col">{t('pa.figures.service.withinDay')}</th>
            </tr>
          </thead>
          <tbody>
            {months.map((m) => (
              <tr key={m.month}>
                <th scope="row">{month(m.month)}</th>
                <td>{count(m.connected)}</td>
                <td>{count(m.requests)}</td>
                <td>{m.medianHoursToSeen === null ? hidden : format(m.medianHoursToSeen)}</td>
                <td>{pct(m.seenWithinWorkingDay)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
