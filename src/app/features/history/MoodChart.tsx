// Mood over time as a small hand-made SVG (no chart library), with a sentence and a table for screen readers.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { MOODS } from '../../../shared/checkinOptions.ts';
import type { Checkin } from '../../../shared/checkins.ts';
import { formatDay, formatNumber, formatShortDate } from '../../i18n/format.ts';
import { FaceShape } from '../checkins/MoodFace.tsx';
import { dayKeyToDate, MOOD_RANGES, moodOverTime, type MoodRange } from './moodOverTime.ts';

const W = 320;
const H = 170;
const PAD = { start: 34, end: 10, top: 12, bottom: 26 };

export function MoodChart({ checkins, now = new Date() }: { checkins: Checkin[]; now?: Date }) {
  const { t, i18n } = useTranslation();
  const [range, setRange] = useState<MoodRange>('weeks4');
  const [showTable, setShowTable] = useState(false);
  const titleId = useId();
  const tableId = useId();
  const data = moodOverTime(checkins, range, now);
  const rtl = i18n.dir() === 'rtl';

  const span = Math.max(data.end.getTime() - data.start.getTime(), 1);
  const xOf = (day: string) => {
    const fraction = (dayKeyToDate(day).getTime() + 12 * 3600 * 1000 - data.start.getTime()) / span;
    const x = PAD.start + Math.min(Math.max(fraction, 0), 1) * (W - PAD.start - PAD.end);
    // Time runs right-to-left in right-to-left languages, like the text around it.
    return rtl ? W - x : x;
  };
  const yOf = (mood: number) => PAD.top + ((5 - mood) / 4) * (H - PAD.top - PAD.bottom);
  const points = data.days.map((d) => `${xOf(d.day).toFixed(1)},${yOf(d.average).toFixed(1)}`).join(' ');
  const summary = data.average === undefined
    ? t('history.chart.summaryNone')
    : t('history.chart.summary', { count: data.count, average: formatNumber(data.average), total: formatNumber(data.count) });

  return (
    <section className="card mood-chart" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('history.chart.title')}</h2>
      <div className="segmented" role="group" aria-label={t('history.chart.range')}>
        {MOOD_RANGES.map((r) => (
          <button key={r} type="button" aria-pressed={range === r} onClick={() => setRange(r)}>
            {t(`history.chart.${r}`)}
          </button>
        ))}
      </div>
      <p className="mood-chart-summary">{summary}</p>
      {/* Coordinates are mirrored by hand for right-to-left, so the SVG itself keeps left-to-right text anchors. */}
      <svg viewBox={`0 0 ${W} ${H}`} className="mood-chart-svg" role="img" aria-label={summary} direction="ltr">
        {MOODS.map((m) => (
          <g key={m}>
            <line x1={PAD.start} x2={W - PAD.end} y1={yOf(m)} y2={yOf(m)} stroke="#d5dbe3" strokeWidth="1" />
            <FaceShape mood={m} cx={rtl ? W - 14 : 14} cy={yOf(m)} r={10} />
          </g>
        ))}
        <text x={rtl ? W - PAD.start : PAD.start} y={H - 6} fontSize="11" fill="#4a5260" textAnchor={rtl ? 'end' : 'start'}>
          {formatShortDate(data.start)}
        </text>
        <text x={rtl ? PAD.end : W - PAD.end} y={H - 6} fontSize="11" fill="#4a5260" textAnchor={rtl ? 'start' : 'end'}>
          {formatShortDate(data.end)}
        </text>
        {data.days.length > 1 && <polyline points={points} fill="none" stroke="#1d4f91" strokeWidth="2.5" strokeLinejoin="round" />}
        {data.days.map((d) => (
          <circle key={d.day} cx={xOf(d.day)} cy={yOf(d.average)} r="4.5" fill="#1d4f91" stroke="#fff" strokeWidth="1.5" />
        ))}
      </svg>
      <button type="button" className="button button-secondary" aria-expanded={showTable} aria-controls={tableId} onClick={() => setShowTable((s) => !s)}>
        {t(showTable ? 'history.chart.hideTable' : 'history.chart.showTable')}
      </button>
      <div id={tableId} hidden={!showTable} className="mood-table">
        <table>
          <caption>{t('history.chart.tableCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('history.chart.date')}</th>
              <th scope="col">{t('history.chart.mood')}</th>
              <th scope="col">{t('history.chart.count')}</th>
            </tr>
          </thead>
          <tbody>
            {data.days.map((d) => (
              <tr key={d.day}>
                <td>{formatDay(dayKeyToDate(d.day))}</td>
                <td>{formatNumber(d.average)}</td>
                <td>{formatNumber(d.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
