// The manager's anonymous My plan figures: people with at least one goal, and steps done each month by part of life.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { LIFE_AREAS } from '../shared/checkinOptions.ts';
import type { PlanFigures as Figures } from '../shared/plan/figures.ts';
import { paFetch } from './api.ts';
import { MonthTable, useFigureWords } from './MonthTable.tsx';

export function PlanFigures() {
  const { t } = useTranslation();
  const words = useFigureWords();
  const [figures, setFigures] = useState<Figures | null>(null);
  useEffect(() => {
    paFetch<Figures>('GET', '/manager/plan-figures?months=6').then(setFigures, () => undefined);
  }, []);
  if (!figures) return null;
  return (
    <section aria-labelledby="plan-figures-title">
      <h2 id="plan-figures-title">{t('pa.figures.plan.title')}</h2>
      <p>{t('pa.figures.plan.withGoals')}: <strong>{words.count(figures.withGoals)}</strong></p>
      <MonthTable months={figures.months} name={{ labelledBy: 'plan-figures-title' }} caption={t('pa.figures.plan.stepsTitle')}
        columns={LIFE_AREAS.map((a) => ({ key: a, heading: t(`checkin.areas.${a}`), cell: (m: Figures['months'][number]) => words.count(m.stepsDone[a]) }))} />
    </section>
  );
}
