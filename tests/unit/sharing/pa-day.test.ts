// Today at a glance, the caseload's search and filters, and a run of the same request shown as one card.
import { describe, expect, it } from 'vitest';

import { filterCaseload, glance, NO_FILTER } from '../../../src/pa/caseload/filter.ts';
import { groupRepeats, REPEAT_WINDOW_MS } from '../../../src/pa/person/grouping.ts';
import type { CaseloadEntry, NeedReason } from '../../../src/shared/sharing/caseload.ts';
import type { SharedItem } from '../../../src/shared/sharing/schemas.ts';

const NOW = Date.parse('2026-12-03T12:00:00.000Z');
const daysAgo = (d: number) => new Date(NOW - d * 86_400_000).toISOString();
const entry = (name: string, reasons: NeedReason[], extra: Partial<CaseloadEntry> = {}): CaseloadEntry => ({
  personId: name, name, connectedAt: daysAgo(100), unseen: 0, need: reasons.length, reasons, lastSharedAt: daysAgo(1), ...extra,
});

describe('today at a glance', () => {
  const caseload = [
    entry('Example Ali', ['feeling-unsafe', 'call-me']),
    entry('Example Bea', ['call-me']),
    entry('Example Cai', ['not-good', 'unseen']),
    entry('Example Dee', ['quiet']),
    entry('Example Eli', []),
  ];
  it('counts each person who needs the PA now once, and lists them under each reason in caseload order', () => {
    const summary = glance(caseload);
    expect(summary.total).toBe(3);
    expect(summary.reasons.map((r) => [r.reason, r.people.map((p) => p.name)])).toEqual([
      ['feeling-unsafe', ['Example Ali']],
      ['call-me', ['Example Ali', 'Example Bea']],
      ['quiet', ['Example Dee']],
    ]);
  });
  it('says nobody when only quiet reasons remain', () => {
    expect(glance([entry('Example Cai', ['not-good'])])).toEqual({ total: 0, reasons: [] });
  });
});

describe('search and filters', () => {
  const caseload = [
    entry('Zoë', [], { label: 'Example college group' }),
    entry('Example Sam', ['call-me'], { unseen: 2 }),
    entry('Example Kit', [], { lastSharedAt: daysAgo(20) }),
    entry('Example New', [], { lastSharedAt: null }),
  ];
  const names = (list: CaseloadEntry[]) => list.map((e) => e.name);
  it('searches names and labels, ignoring case and accents', () => {
    expect(names(filterCaseload(caseload, { ...NO_FILTER, search: 'zoe' }, NOW))).toEqual(['Zoë']);
    expect(names(filterCaseload(caseload, { ...NO_FILTER, search: 'COLLEGE' }, NOW))).toEqual(['Zoë']);
    expect(names(filterCaseload(caseload, { ...NO_FILTER, search: 'nobody' }, NOW))).toEqual([]);
  });
  it('filters by needs me, has new items, and not heard from in N days (never heard from counts)', () => {
    expect(names(filterCaseload(caseload, { ...NO_FILTER, needsMe: true }, NOW))).toEqual(['Example Sam']);
    expect(names(filterCaseload(caseload, { ...NO_FILTER, unseen: true }, NOW))).toEqual(['Example Sam']);
    expect(names(filterCaseload(caseload, { ...NO_FILTER, quietDays: 14 }, NOW))).toEqual(['Example Kit', 'Example New']);
    expect(names(filterCaseload(caseload, NO_FILTER, NOW))).toHaveLength(4);
  });
});

describe('a run of the same request is one card', () => {
  let n = 0;
  const request = (request: string, at: number, extra: Record<string, unknown> = {}): SharedItem => ({
    id: `example-${++n}`, kind: 'request', sharedAt: new Date(at).toISOString(), seenAt: null, reply: null, data: { request, about: '', at: new Date(at).toISOString(), ...extra },
  });
  it('groups identical requests each within the window of the one before, and nothing else', () => {
    const t0 = NOW - 10 * 3_600_000;
    const items = [
      request('call-me', t0),
      request('call-me', t0 + 60_000),
      request('call-me', t0 + 60_000 + REPEAT_WINDOW_MS),
      request('call-me', t0 + 60_000 + 2 * REPEAT_WINDOW_MS + 1),
      request('travel-help', t0 + 60_000 + 2 * REPEAT_WINDOW_MS + 2),
      request('missed-appointment', t0 + 60_000 + 2 * REPEAT_WINDOW_MS + 3, { appointment: { id: 'a', title: 'Example', startsAt: daysAgo(0) } }),
      request('missed-appointment', t0 + 60_000 + 2 * REPEAT_WINDOW_MS + 4, { appointment: { id: 'b', title: 'Example', startsAt: daysAgo(0) } }),
    ];
    expect(groupRepeats([...items].reverse()).map((g) => g.length)).toEqual([3, 1, 1, 1, 1]);
  });
});
