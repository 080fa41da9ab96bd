// A small line chart of shared moods (1–5) and life satisfaction (0–10, halved to share the scale).
// SVG attributes only (no inline styles), with a text description for screen readers.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

import type { SharedItem } from '../shared/sharing/schemas.ts';

const W = 320;
const H = 120;
const PAD = 12;

type Point = { t: number; v: number };

function path(points: Point[], t0: number, t1: number): string {
  const x = (t: number) => (t1 === t0 ? W / 2 : PAD + ((t - t0) / (t1 - t0)) * (W - 2 * PAD));
  const y = (v: number) => H - PAD - ((v - 0) / 5) * (H - 2 * PAD);
  return points.map((p, i) => `${i ? 'L' : 'M'}${x(p.t).toFixed(1)},${y(p.v).toFixed(1)}`).join(' ');
}

export function TrendChart({ shares }: { shares: SharedItem[] }) {
  const { t } = useTranslation();
  const titleId = useId();
  const descId = useId();
  const time = (s: SharedItem) => Date.parse(typeof s.data.at === 'string' ? s.data.at : s.sharedAt);
  const moods = shares.filter((s) => s.kind === 'checkin').map((s) => ({ t: time(s), v: Number(s.data.mood) }));
  const life = shares.filter((s) => s.kind === 'ons4').map((s) => ({ t: time(s), v: Number(s.data.life) / 2 }));
  const all = [...moods, ...life];
  if (all.length < 2) return null;
  const t0 = Math.min(...all.map((p) => p.t));
  const t1 = Math.max(...all.map((p) => p.t));
  return (
    <figure className="pa-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${titleId} ${descId}`}>
        <title id={titleId}>{t('pa.person.trendTitle')}</title>
        <desc id={descId}>{t('pa.person.trendDesc')}</desc>
        <line x1={PAD} x2={W - PAD} y1={H - PAD} y2={H - PAD} stroke="#6b7280" strokeWidth="1" />
        {moods.length > 0 && <path d={path(moods, t0, t1)} fill="none" stroke="#1d4f91" strokeWidth="3" />}
        {life.length > 0 && <path d={path(life, t0, t1)} fill="none" stroke="#8a4b00" strokeWidth="3" strokeDasharray="6 4" />}
      </svg>
      <figcaption>
        <span className="pa-key pa-key-mood">{t('pa.person.moodLine')}</span>
        <span className="pa-key pa-key-life">{t('pa.person.lifeLine')}</span>
      </figcaption>
    </figure>
  );
}
