import { describe, expect, it } from 'vitest';

import { groupByDay, localDayKey, moodOverTime } from '../../../src/app/features/history/moodOverTime.ts';
import type { Checkin } from '../../../src/shared/checkins.ts';
import { aCheckin } from '../../builders/checkin.ts';

const now = new Date(2026, 5, 30, 12, 0);
const at = (y: number, m: number, d: number, h = 10) => new Date(y, m, d, h).toISOString();
const c = (when: string, mood: Checkin['mood']) => aCheckin({ at: when, mood });

describe('mood over time', () => {
  it('groups check-ins by the local day, newest first', () => {
    const groups = groupByDay([c(at(2026, 5, 29, 9), 3), c(at(2026, 5, 30, 8), 4), c(at(2026, 5, 29, 20), 2)]);
    expect(groups.map((g) => g.day)).toEqual(['2026-06-30', '2026-06-29']);
    expect(groups[1].checkins.map((x) => x.mood)).toEqual([2, 3]);
  });

  it('averages each day and the whole range, leaving out older check-ins', () => {
    const list = [c(at(2026, 5, 29, 9), 3), c(at(2026, 5, 29, 20), 4), c(at(2026, 5, 3), 1), c(at(2026, 5, 2), 5)];
    const fourWeeks = moodOverTime(list, 'weeks4', now);
    expect(localDayKey(fourWeeks.start)).toBe('2026-06-03');
    expect(fourWeeks.days).toEqual([{ day: '2026-06-03', average: 1, count: 1 }, { day: '2026-06-29', average: 3.5, count: 2 }]);
    expect(fourWeeks.average).toBeCloseTo(8 / 3);
    expect(moodOverTime(list, 'all', now).count).toBe(4);
  });

  it('has no average when there is nothing in the range', () => {
    expect(moodOverTime([c(at(2025, 0, 1), 2)], 'weeks4', now).average).toBeUndefined();
  });
});
