// The manager's figures for their council over the last 12 months, from young people who opted in; small numbers hidden.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { intlLocale } from '../shared/languages.ts';
import { type CouncilFigures, COUNT_STEP } from '../shared/sharing/monitoring.ts';
import type { OperationalMonth } from '../shared/sharing/operational.ts';
import { paFetch } from './api.ts';
import { FiguresChart } from './FiguresChart.tsx';
import { PageHeading } from './page.tsx';
import { PlanFigures } from './PlanFigures.tsx';
import { ServiceFigures } from './ServiceFigures.tsx';

const ITEMS = ['life', 'worthwhile', 'happy', 'anxious'] as const;
const BANDS = ['very-low', 'low', 'medium', 'high', 'very-high'] as const;

export function FiguresPage() {
  const { t, i18n } = useTranslation();
  const [figures, setFigures] = useState<(CouncilFigures & { council: string; operational: OperationalMonth[] }) | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    paFetch<CouncilFigures & { council: string; operational: OperationalMonth[] }>('GET', '/manager/figures?months=12').then(setFigures, () => setError(t('pa.errors.server')));
  }, [t]);
  const format = (n: number) => new Intl.NumberFormat(intlLocale(i18n.language), { maximumFractionDigits: 0 }).format(n);
  const num = (n: number | null) => (n === null ? t('pa.figures.hidden') : format(n));
  // Counts come as the lower end of a band of 5 (COUNT_STEP): 10 means 10–14.
  const count = (n: number | null) => (n === null ? t('pa.figures.hidden') : t('pa.figures.range', { from: format(n), to: format(n + COUNT_STEP - 1) }));
  const pct = (n: number | null | undefined) => (n === null || n === undefined ? t('pa.figures.hidden') : new Intl.NumberFormat(intlLocale(i18n.language), { style: 'percent' }).format(n));
  const month = (m: string) => new Intl.DateTimeFormat(intlLocale(i18n.language), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${m}-01T00:00:00Z`));

  if (error) return <p role="alert" className="pa-error">{error}</p>;
  if (!figures) return null;
  return (
    <>
      <PageHeading title={t('pa.figures.title', { council: figures.council })} />
      <p>{t('pa.figures.explain')}</p>
      <p>{t('pa.figures.rounding')}</p>
      <p>{t('pa.figures.participants')}: <strong>{count(figures.participants)}</strong></p>
      <h2 id="questions-title">{t('pa.figures.questionsTitle')}</h2>
      <dl className="pa-meanings">
        {ITEMS.map((i) => (
          <div key={i}>
            <dt>{t(`pa.person.ons4.${i}`)}</dt>
            <dd>{t(`pa.figures.meaning.${i}`)}</dd>
          </div>
        ))}
      </dl>
      <FiguresChart months={figures.months} />
      <div className="pa-table-wrap" tabIndex={0} role="region" aria-label={t('pa.figures.tableLabel')}>
        <table className="pa-table">
          <thead>
            <tr>
              <th scope="col">{t('pa.figures.month')}</th>
              <th scope="col">{t('pa.figures.checkingIn')}</th>
              <th scope="col">{t('pa.figures.respondents')}</th>
              {ITEMS.map((i) => <th key={i} scope="col">{t(`pa.person.ons4.${i}`)} ({t('pa.figures.average')})</th>)}
            </tr>
          </thead>
          <tbody>
            {figures.months.map((m) => (
              <tr key={m.month}>
                <th scope="row">{month(m.month)}</th>
                <td>{count(m.checkingIn)}</td>
                <td>{count(m.ons4Respondents)}</td>
                {ITEMS.map((i) => <td key={i}>{num(m.ons4Averages?.[i] ?? null)}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {figures.months.filter((m) => m.ons4Bands).map((m) => (
        <section key={m.month} aria-labelledby={`bands-${m.month}`}>
          <h2 id={`bands-${m.month}`}>{t('pa.figures.bandsTitle')}: {month(m.month)}</h2>
          <ul>
            {ITEMS.map((i) => (
              <li key={i}>{t(`pa.person.ons4.${i}`)}: {BANDS.filter((b) => m.ons4Bands![i][b] !== undefined).map((b) => `${t(`pa.figures.bands.${b}`)} ${pct(m.ons4Bands![i][b])}`).join(' · ')}</li>
            ))}
          </ul>
        </section>
      ))}
      <ServiceFigures months={figures.operational} />
      <PlanFigures />
    </>
  );
}
