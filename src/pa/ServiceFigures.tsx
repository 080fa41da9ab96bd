// How the service is doing, by month: young people connected, requests made, median hours until a share is seen,
// and the share seen within one working day. From counted young people only; hidden under 10 (the server decides).
import { useTranslation } from 'react-i18next';

import type { OperationalMonth } from '../shared/sharing/operational.ts';
import { MonthTable, useFigureWords } from './MonthTable.tsx';

export function ServiceFigures({ months }: { months: OperationalMonth[] }) {
  const { t } = useTranslation();
  const words = useFigureWords();
  return (
    <section aria-labelledby="service-figures-title">
      <h2 id="service-figures-title">{t('pa.figures.service.title')}</h2>
      <p>{t('pa.figures.service.withinDayExplain')}</p>
      <MonthTable months={months} name={{ label: t('pa.figures.service.tableLabel') }} columns={[
        { key: 'connected', heading: t('pa.figures.service.connected'), cell: (m) => words.count(m.connected) },
        { key: 'requests', heading: t('pa.figures.service.requests'), cell: (m) => words.count(m.requests) },
        { key: 'median', heading: t('pa.figures.service.medianHours'), cell: (m) => words.number(m.medianHoursToSeen) },
        { key: 'within-day', heading: t('pa.figures.service.withinDay'), cell: (m) => words.percent(m.seenWithinWorkingDay) },
      ]} />
    </section>
  );
}
