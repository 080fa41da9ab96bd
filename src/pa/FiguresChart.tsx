// The four wellbeing averages over the last months as lines (0–10). The figures table is its text alternative, so
// the chart says so in its description; a hidden month (fewer than 10 people) is a gap, never a guess.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

import type { MonthFigures } from '../shared/sharing/monitoring.ts';

const W = 600;
const H = 200;
const PAD = 16;
const CHART_ITEMS = ['life', 'worthwhile', 'happy', 'anxious'] as const;
const COLOURS = { life: '#1d4f91', worthwhile: '#1a6b3c', happy: '#8a4b00', anxious: '#6b2d8f' } as const;
const DASHES = { life: undefined, worthwhile: '8 4', happy: '3 3', anxious: '12 4 3 4' } as const;

/** Path pieces for one line, broken where a month is hidden. */
function linePath(values: (number | null)[]): string {
  const x = (i: number) => PAD + (values.length === 1 ? 0 : (i / (values.length - 1)) * (W - 2 * PAD));
  const y = (v: number) => H - PAD - (v / 10) * (H - 2 * PAD);
  let d = '';
  let drawing = false;
  values.forEach((v, i) => {
    if (v === null) { drawing = false; return; }
    d += `${drawing ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)} `;
    drawing = true;
  });
  return d.trim();
}

export function FiguresChart({ months }: { months: MonthFigures[] }) {
  const { t } = useTranslation();
  const titleId = useId();
  const descId = useId();
  const oldestFirst = [...months].sort((a, b) => a.month.localeCompare(b.month));
  if (!oldestFirst.some((m) => m.ons4Averages)) return null;
  return (
    <figure className="pa-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${titleId} ${descId}`}>
        <title id={titleId}>{t('pa.figures.chartTitle')}</title>
        <desc id={descId}>{t('pa.figures.chartDesc')}</desc>
        <line x1={PAD} x2={W - PAD} y1={H - PAD} y2={H - PAD} stroke="#6b7280" strokeWidth="1" />
        <line x1={PAD} x2={W - PAD} y1={PAD} y2={PAD} stroke="#d1d5db" strokeWidth="1" />
        {CHART_ITEMS.map((item) => {
          const d = linePath(oldestFirst.map((m) => m.ons4Averages?.[item] ?? null));
          return d ? <path key={item} d={d} fill="none" stroke={COLOURS[item]} strokeWidth="3" strokeDasharray={DASHES[item]} /> : null;
        })}
      </svg>
      <figcaption>
        {CHART_ITEMS.map((item) => <span key={item} className={`pa-key pa-fig-${item}`}>{t(`pa.person.ons4.${item}`)}</span>)}
      </figcaption>
    </figure>
  );
}
