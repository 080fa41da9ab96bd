// The manager's anonymous My plan figures: people with at least one goal, and steps done each month by part of life.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { LIFE_AREAS } from '../shared/checkinOptions.ts';
import { intlLocale } from '../shared/languages.ts';
import type { PlanFigures as Figures } from '../shared/plan/figures.ts';
import { COUNT_STEP } from '../shared/sharing/monitoring.ts';
import { paFetch } from './api.ts';

export function PlanFigures() {
  const { t, i18n } = useTranslation();
  const [figures, setFigures] = useState<Figures | null>(null);
  useEffect(() => {
    paFetch<Figures>('GET', '/manager/plan-figures?months=6').then(setFigures, () => undefined);
  }, []);
  if (!figures) return null;
  const format = (n: number) => new Intl.NumberFormat(intlLocale(i18n.language), { maximumFractionDigits: 0 }).format(n);
  const count = (n: number | null) => (n === null ? t('pa.figures.hidden') : t('pa.figures.range', { from: format(n), to: format(n + COUNT_STEP - 1) }));
  const month = (m: string) => new Intl.DateTimeFormat(intlLocale(i18n.language), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${m}-01T00:00:00Z`));
  return (
    <section aria-labelledby="plan-figures-title">
      <h2 id="plan-figures-title">{t('pa.figures.plan.title')}</h2>
      <p>{t('pa.figures.plan.withGoals')}: <strong>{count(figures.withGoals)}</strong></p>
      {/* Scrolls sideways on a phone, so it takes keyboard focus (as the other figures table does). */}
      <div className="pa-table-wrap" tabIndex={0} role="region" aria-labelledby="plan-figures-title">
        <table className="pa-table">
          <caption>{t('pa.figures.plan.stepsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('pa.figures.month')}</th>
              {LIFE_AREAS.map((a) => <th key={a} scope="col">{t(`checkin.areas.${a}`)}</th>)}
            </tr>
          </thead>
          <tbody>
            {figures.months.map((m) => (
              <tr key={m.month}>
                <th scope="row">{month(m.month)}</th>
                {LIFE_AREAS.map((a) => <td key={a}>{count(m.stepsDone[a])}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
