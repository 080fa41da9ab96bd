// The manager's figures read the same everywhere (wellbeing, the service, My plan): a hidden figure, a band of
// counts, a share or a month are written by one set of words, and every table is a month per row.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import { intlLocale } from '../shared/languages.ts';
import { COUNT_STEP } from '../shared/sharing/monitoring.ts';

export type FigureWords = {
  /** A whole number, or "hidden" (fewer than 10 people: the server decides). */
  number(n: number | null | undefined): string;
  /** Counts come as the lower end of a band of COUNT_STEP: 10 means "10–14". */
  count(n: number | null | undefined): string;
  percent(n: number | null | undefined): string;
  /** "2026-11" → "November 2026". */
  month(month: string): string;
};

export function useFigureWords(): FigureWords {
  const { t, i18n } = useTranslation();
  const locale = intlLocale(i18n.language);
  const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const share = new Intl.NumberFormat(locale, { style: 'percent' });
  const monthName = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
  const hidden = t('pa.figures.hidden');
  return {
    number: (n) => (n === null || n === undefined ? hidden : whole.format(n)),
    count: (n) => (n === null || n === undefined ? hidden : t('pa.figures.range', { from: whole.format(n), to: whole.format(n + COUNT_STEP - 1) })),
    percent: (n) => (n === null || n === undefined ? hidden : share.format(n)),
    month: (month) => monthName.format(new Date(`${month}-01T00:00:00Z`)),
  };
}

export type FigureColumn<M> = { key: string; heading: ReactNode; cell: (month: M) => ReactNode };

/** A month per row. It scrolls sideways on a phone, so it takes keyboard focus and is named as a region. */
export function MonthTable<M extends { month: string }>({ months, columns, name, caption }: {
  months: readonly M[];
  columns: readonly FigureColumn<M>[];
  name: { label: string } | { labelledBy: string };
  caption?: string;
}) {
  const { t } = useTranslation();
  const words = useFigureWords();
  return (
    <div className="pa-table-wrap" tabIndex={0} role="region" aria-label={'label' in name ? name.label : undefined} aria-labelledby={'labelledBy' in name ? name.labelledBy : undefined}>
      <table className="pa-table">
        {caption && <caption>{caption}</caption>}
        <thead>
          <tr>
            <th scope="col">{t('pa.figures.month')}</th>
            {columns.map((c) => <th key={c.key} scope="col">{c.heading}</th>)}
          </tr>
        </thead>
        <tbody>
          {months.map((m) => (
            <tr key={m.month}>
              <th scope="row">{words.month(m.month)}</th>
              {columns.map((c) => <td key={c.key}>{c.cell(m)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
