// The caseload's need score: a table of what was shared and the reasons and order the PA should see.
import { describe, expect, it } from 'vitest';

import { type CaseloadEntry, needOf, orderCaseload } from '../../../src/shared/sharing/caseload.ts';
import type { SharedItem } from '../../../src/shared/sharing/schemas.ts';

const NOW = Date.parse('2026-11-20T12:00:00.000Z');
const daysAgo = (d: number) => new Date(NOW - d * 86_400_000).toISOString();
let n = 0;
const item = (kind: SharedItem['kind'], data: Record<string, unknown>, seen = false): SharedItem => ({
  id: `example-${++n}`, kind, sharedAt: typeof data.at === 'string' ? data.at : daysAgo(0), seenAt: seen ? daysAgo(0) : null, reply: null, data,
});
const checkin = (mood: number, at: string, hard: string[] = [], seen = false) => item('checkin', { mood, at, hard, good: [], feelings: [] }, seen);
const request = (r: string, seen = false) => item('request', { request: r, about: '', at: daysAgo(0) }, seen);

const table: { who: string; items: SharedItem[]; reasons: string[] }[] = [
  // The case: two "Awful" check-ins with feeling safe ticked as hard (and a note about being followed).
  { who: 'Unsafe and awful twice', items: [checkin(1, daysAgo(1), ['safety']), checkin(1, daysAgo(3), ['safety', 'home'], true)], reasons: ['feeling-unsafe', 'awful-repeated'] },
  { who: 'Asked to be called', items: [request('call-me')], reasons: ['call-me'] },
  { who: 'Awful twice', items: [checkin(1, daysAgo(0), [], true), checkin(1, daysAgo(6), [], true)], reasons: ['awful-repeated'] },
  { who: 'Awful once', items: [checkin(1, daysAgo(2))], reasons: ['awful'] },
  { who: 'Cannot make it', items: [request('cant-make-it')], reasons: ['cant-make-it'] },
  { who: 'Missed the GP', items: [request('missed-appointment')], reasons: ['missed-appointment'] },
  { who: 'Not good', items: [checkin(2, daysAgo(1))], reasons: ['not-good'] },
  { who: 'Shared an okay day', items: [checkin(3, daysAgo(1))], reasons: ['unseen'] },
  // Older than a week, and requests the PA has seen, no longer count.
  { who: 'Awful last month', items: [checkin(1, daysAgo(30), ['safety'], true), request('call-me', true)], reasons: [] },
  { who: 'Nothing shared', items: [], reasons: [] },
  // Shared check-ins regularly, then nothing for over two weeks; one old check-in alone is not "gone quiet".
  { who: 'Gone quiet', items: [checkin(3, daysAgo(15), [], true), checkin(4, daysAgo(20), [], true), checkin(3, daysAgo(25), [], true)], reasons: ['quiet'] },
  { who: 'Regular and recent', items: [checkin(3, daysAgo(13), [], true), checkin(4, daysAgo(20), [], true), checkin(3, daysAgo(25), [], true)], reasons: [] },
];

describe('how much a young person needs their PA, and why', () => {
  it.each(table)('$who → $reasons', ({ items, reasons }) => {
    expect(needOf(items, NOW).reasons).toEqual(reasons);
  });

  it('orders the caseload by need, so danger ranks above a missed appointment and "awful" above "not good"', () => {
    const entries: CaseloadEntry[] = [...table].reverse().map(({ who, items }) => ({
      personId: who, name: who, connectedAt: daysAgo(40), unseen: items.filter((i) => !i.seenAt).length, lastSharedAt: null, ...needOf(items, NOW),
    }));
    expect(orderCaseload(entries).map((e) => e.name)).toEqual([
      'Unsafe and awful twice', 'Asked to be called', 'Awful twice', 'Awful once', 'Cannot make it', 'Missed the GP', 'Not good', 'Gone quiet', 'Shared an okay day',
      'Awful last month', 'Nothing shared', 'Regular and recent',
    ]);
  });
});
