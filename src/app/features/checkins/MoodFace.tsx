// Simple drawn faces, the same on every phone (emoji fonts differ and some cheap phones lack them).
import type { Mood } from '../../../shared/checkinOptions.ts';

const FILL: Record<Mood, string> = { 1: '#f6d5d5', 2: '#f9e3cf', 3: '#eceff3', 4: '#dcefe2', 5: '#c9e8d4' };
// How far the middle of the mouth bends, as a share of the radius: negative frowns, positive smiles.
const BEND: Record<Mood, number> = { 1: -0.4, 2: -0.2, 3: 0, 4: 0.25, 5: 0.45 };

/** A face as SVG shapes centred on (cx, cy), for use inside any <svg> (the chart uses it for its scale). */
export function FaceShape({ mood, cx, cy, r }: { mood: Mood; cx: number; cy: number; r: number }) {
  const mouthY = cy + (BEND[mood] < 0 ? 0.5 : 0.3) * r;
  const half = 0.42 * r;
  const bend = BEND[mood] * r * 2;
  return (
    <g>
      <circle cx={cx} cy={cy} r={r} fill={FILL[mood]} stroke="#1b1f24" strokeWidth={r * 0.09} />
      <circle cx={cx - 0.33 * r} cy={cy - 0.2 * r} r={r * 0.1} fill="#1b1f24" />
      <circle cx={cx + 0.33 * r} cy={cy - 0.2 * r} r={r * 0.1} fill="#1b1f24" />
      <path
        d={`M ${cx - half} ${mouthY} Q ${cx} ${mouthY + bend} ${cx + half} ${mouthY}`}
        fill="none" stroke="#1b1f24" strokeWidth={r * 0.1} strokeLinecap="round"
      />
    </g>
  );
}

export function MoodFace({ mood, className }: { mood: Mood; className?: string }) {
  return (
    <svg viewBox="0 0 40 40" className={className ?? 'mood-face-svg'} aria-hidden="true" focusable="false">
      <FaceShape mood={mood} cx={20} cy={20} r={17} />
    </svg>
  );
}
