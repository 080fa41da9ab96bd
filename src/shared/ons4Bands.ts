// The ONS4 items, the ONS bands for each answer and when to offer the questions again. No zod here.
export const ONS4_ITEMS = ['life', 'worthwhile', 'happy', 'anxious'] as const;
export type Ons4Item = (typeof ONS4_ITEMS)[number];

export type Ons4Band = 'very-low' | 'low' | 'medium' | 'high' | 'very-high';

/**
 * ONS thresholds: life, worthwhile and happy are 0–4 low, 5–6 medium, 7–8 high, 9–10 very high;
 * anxiety is reversed (higher is worse): 0–1 very low, 2–3 low, 4–5 medium, 6–10 high.
 */
export function ons4Band(item: Ons4Item, value: number): Ons4Band {
  if (!Number.isInteger(value) || value < 0 || value > 10) throw new RangeError(`ONS4 score must be 0–10, got ${value}`);
  if (item === 'anxious') {
    if (value <= 1) return 'very-low';
    if (value <= 3) return 'low';
    if (value <= 5) return 'medium';
    return 'high';
  }
  if (value <= 4) return 'low';
  if (value <= 6) return 'medium';
  if (value <= 8) return 'high';
  return 'very-high';
}

/** For anxiety a low band is the good one; used to colour bands without implying "high = good". */
export function isFavourableBand(item: Ons4Item, band: Ons4Band): boolean {
  return item === 'anxious' ? band === 'very-low' || band === 'low' : band === 'high' || band === 'very-high';
}

/** Offer ONS4 at most once a month: true when the last one is 30 days old or there is none. */
export function ons4IsDue(lastAt: string | undefined, now: Date): boolean {
  if (!lastAt) return true;
  return now.getTime() - Date.parse(lastAt) >= 30 * 24 * 60 * 60 * 1000;
}
