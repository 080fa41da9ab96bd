// Each answer over past ONS4 check-ins: a small line per question, and a table with the same numbers.
import { useTranslation } from 'react-i18next';

import type { Ons4 } from '../../../shared/ons4.ts';
import { ONS4_ITEMS, type Ons4Item } from '../../../shared/ons4Bands.ts';
import { formatDate, formatNumber } from '../../i18n/format.ts';

const W = 160;
const H = 48;

function Sparkline({ item, history, rtl }: { item: Ons4Item; history: Ons4[]; rtl: boolean }) {
  const step = history.length > 1 ? (W - 12) / (history.length - 1) : 0;
  const xOf = (i: number) => (rtl ? W - 6 - i * step : 6 + i * step);
  const yOf = (v: number) => 4 + ((10 - v) / 10) * (H - 8);
  const points = history.map((r, i) => `${xOf(i)},${yOf(r[item])}`).join(' ');
  return (
    <svg viewBox={`0 0 ${W} ${H}`} className="ons4-sparkline" aria-hidden="true">
      <line x1="0" x2={W} y1={yOf(5)} y2={yOf(5)} stroke="#d5dbe3" />
      <polyline points={points} fill="none" stroke="#1d4f91" strokeWidth="2" />
      {history.map((r, i) => <circle key={r.id} cx={xOf(i)} cy={yOf(r[item])} r="3" fill="#1d4f91" />)}
    </svg>
  );
}

export function Ons4Trend({ history }: { history: Ons4[] }) {
  const { t, i18n } = useTranslation();
  const sorted = [...history].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return (
    <section className="card" aria-labelledby="ons4-trend-title">
      <h2 id="ons4-trend-title">{t('ons4.results.trendTitle')}</h2>
      {sorted.length < 2 ? (
        <p>{t('ons4.results.trendEmpty')}</p>
      ) : (
        <ul className="ons4-trend-list">
          {ONS4_ITEMS.map((item) => (
            <li key={item}>
              <span className="ons4-trend-name">{t(`ons4.items.${item}.short`)}</span>
              <Sparkline item={item} history={sorted} rtl={i18n.dir() === 'rtl'} />
            </li>
          ))}
        </ul>
      )}
      {/* Scrolls sideways on a small phone, so it can take keyboard focus and has a name. */}
      <div className="ons4-table" tabIndex={0} role="region" aria-label={t('ons4.results.table')}>
        <table>
          <caption>{t('ons4.results.table')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('ons4.results.date')}</th>
              {ONS4_ITEMS.map((item) => <th key={item} scope="col">{t(`ons4.items.${item}.short`)}</th>)}
            </tr>
          </thead>
          <tbody>
            {[...sorted].reverse().map((r) => (
              <tr key={r.id}>
                <th scope="row">{formatDate(r.at)}</th>
                {ONS4_ITEMS.map((item) => <td key={item}>{formatNumber(r[item])}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
