// The manager's figures for their council over the last 12 months, from young people who opted in; small numbers hidden.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { CouncilFigures, MonthFigures } from '../shared/sharing/monitoring.ts';
import type { OperationalMonth } from '../shared/sharing/operational.ts';
import { paFetch } from './api.ts';
import { FiguresChart } from './FiguresChart.tsx';
import { MonthTable, useFigureWords } from './MonthTable.tsx';
import { PageHeading } from './page.tsx';
import { PlanFigures } from './PlanFigures.tsx';
import { ServiceFigures } from './ServiceFigures.tsx';

const ITEMS = ['life', 'worthwhile', 'happy', 'anxious'] as const;
const BANDS = ['very-low', 'low', 'medium', 'high', 'very-high'] as const;

export function FiguresPage() {
  const { t } = useTranslation();
  const [figures, setFigures] = useState<(CouncilFigures & { council: string; operational: OperationalMonth[] }) | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    paFetch<CouncilFigures & { council: string; operational: OperationalMonth[] }>('GET', '/manager/figures?months=12').then(setFigures, () => setError(t('pa.errors.server')));
  }, [t]);
  const words = useFigureWords();

  if (error) return <p role="alert" className="pa-error">{error}</p>;
  if (!figures) return null;
  return (
    <>
      <PageHeading title={t('pa.figures.title', { council: figures.council })} />
      <p>{t('pa.figures.explain')}</p>
      <p>{t('pa.figures.rounding')}</p>
      <p>{t('pa.figures.participants')}: <strong>{words.count(figures.participants)}</strong></p>
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
      <MonthTable months={figures.months} name={{ label: t('pa.figures.tableLabel') }} columns={[
        { key: 'checking-in', heading: t('pa.figures.checkingIn'), cell: (m) => words.count(m.checkingIn) },
        { key: 'respondents', heading: t('pa.figures.respondents'), cell: (m) => words.count(m.ons4Respondents) },
        ...ITEMS.map((i) => ({ key: i, heading: `${t(`pa.person.ons4.${i}`)} (${t('pa.figures.average')})`, cell: (m: MonthFigures) => words.number(m.ons4Averages?.[i]) })),
      ]} />
      {figures.months.filter((m) => m.ons4Bands).map((m) => (
        <section key={m.month} aria-labelledby={`bands-${m.month}`}>
          <h2 id={`bands-${m.month}`}>{t('pa.figures.bandsTitle')}: {words.month(m.month)}</h2>
          <ul>
            {ITEMS.map((i) => (
              <li key={i}>{t(`pa.person.ons4.${i}`)}: {BANDS.filter((b) => m.ons4Bands![i][b] !== undefined).map((b) => `${t(`pa.figures.bands.${b}`)} ${words.percent(m.ons4Bands![i][b])}`).join(' · ')}</li>
            ))}
          </ul>
        </section>
      ))}
      <ServiceFigures months={figures.operational} />
      <PlanFigures />
    </>
  );
}
