import { describe, expect, it } from 'vitest';

import { isFavourableBand, ONS4_ITEMS, ons4Band, ons4IsDue } from '../../../src/shared/ons4Bands.ts';

// Written out from the ONS thresholds (standards.md §2.1), one entry per score 0..10.
const POSITIVE = ['low', 'low', 'low', 'low', 'low', 'medium', 'medium', 'high', 'high', 'very-high', 'very-high'];
const ANXIETY = ['very-low', 'very-low', 'low', 'low', 'medium', 'medium', 'high', 'high', 'high', 'high', 'high'];

describe('ONS4 bands', () => {
  for (const item of ONS4_ITEMS) {
    const expected = item === 'anxious' ? ANXIETY : POSITIVE;
    it(`puts every ${item} score from 0 to 10 in the ONS band`, () => {
      expect(Array.from({ length: 11 }, (_, score) => ons4Band(item, score))).toEqual(expected);
    });
  }

  it('refuses scores outside 0–10 or between whole numbers', () => {
    for (const bad of [-1, 11, 4.5, Number.NaN]) expect(() => ons4Band('life', bad)).toThrow(RangeError);
  });

  it('treats low anxiety, and high life satisfaction, as the good end', () => {
    expect(isFavourableBand('anxious', 'very-low')).toBe(true);
    expect(isFavourableBand('anxious', 'high')).toBe(false);
    expect(isFavourableBand('life', 'very-high')).toBe(true);
    expect(isFavourableBand('happy', 'low')).toBe(false);
    expect(isFavourableBand('worthwhile', 'medium')).toBe(false);
  });

  it('offers the questions again only after 30 days', () => {
    const now = new Date('2026-06-30T12:00:00Z');
    expect(ons4IsDue(undefined, now)).toBe(true);
    expect(ons4IsDue('2026-06-01T12:00:01Z', now)).toBe(false);
    expect(ons4IsDue('2026-05-31T12:00:00Z', now)).toBe(true);
  });
});
