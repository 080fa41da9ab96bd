import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { ONS4_ITEMS, type Ons4Band, ons4Band } from '../../../src/shared/ons4Bands.ts';
import {
  changedPeople, councilFigures, COUNT_STEP, MIN_CHANGE, MIN_PEOPLE, type MonitoringOns4, monthFigures, type Releases,
} from '../../../src/shared/sharing/monitoring.ts';

const MONTH = '2026-11';
const score = fc.integer({ min: 0, max: 10 });
const month = fc.constantFrom('2026-09', '2026-10', MONTH);
const person = fc.integer({ min: 0, max: 30 }).map((n) => `person-${n}`);
const checkins = fc.array(fc.record({ personId: person, month }), { maxLength: 120 });
const answers = fc.record({ life: score, worthwhile: score, happy: score, anxious: score });
const ons4 = fc.array(
  fc.record({ personId: person, month, at: fc.integer({ min: 0, max: 1e6 }).map((n) => String(n).padStart(7, '0')), life: score, worthwhile: score, happy: score, anxious: score }),
  { maxLength: 120 },
);
const row = (personId: string, a: { life: number; worthwhile: number; happy: number; anxious: number }, at = '2026-11-01'): MonitoringOns4 => ({ personId, month: MONTH, at, ...a });

describe('anonymous monitoring figures for managers', () => {
  it('never shows a figure, a band’s share or a month that rests on fewer than 10 young people', () => {
    fc.assert(fc.property(fc.uniqueArray(person, { maxLength: 31 }), checkins, ons4, (participants, c, o) => {
      const figures = councilFigures(participants, ['2026-09', '2026-10', MONTH], c, o);
      expect(figures.participants).toBe(participants.length >= MIN_PEOPLE ? Math.floor(participants.length / COUNT_STEP) * COUNT_STEP : null);
      for (const m of figures.months) {
        const checkers = new Set(c.filter((x) => x.month === m.month).map((x) => x.personId)).size;
        const latest = new Map<string, (typeof o)[number]>();
        for (const x of o) if (x.month === m.month && (!latest.has(x.personId) || latest.get(x.personId)!.at < x.at)) latest.set(x.personId, x);
        const respondents = [...latest.values()];
        expect(m.checkingIn).toBe(checkers >= MIN_PEOPLE ? Math.floor(checkers / COUNT_STEP) * COUNT_STEP : null);
        if (respondents.length < MIN_PEOPLE) {
          expect([m.ons4Respondents, m.ons4Averages, m.ons4Bands]).toEqual([null, null, null]);
          continue;
        }
        for (const item of ONS4_ITEMS) {
          expect(Number.isInteger(m.ons4Averages![item])).toBe(true);
          const counts: Partial<Record<Ons4Band, number>> = {};
          for (const r of respondents) counts[ons4Band(item, r[item])] = (counts[ons4Band(item, r[item])] ?? 0) + 1;
          let hiddenPeople = 0;
          let hiddenBands = 0;
          for (const [band, share] of Object.entries(m.ons4Bands![item]) as [Ons4Band, number | null][]) {
            if (share === null) {
              hiddenPeople += counts[band]!;
              hiddenBands++;
            } else {
              // A shown share describes at least 10 people, in steps of 5 %.
              expect(counts[band]!).toBeGreaterThanOrEqual(MIN_PEOPLE);
              expect(Math.round(share * 20)).toBeCloseTo(share * 20, 9);
            }
          }
          // What is hidden can't be worked out from what is shown: nothing, or 10+ people over 2+ bands.
          if (hiddenBands > 0) {
            expect(hiddenPeople).toBeGreaterThanOrEqual(MIN_PEOPLE);
            expect(hiddenBands).toBeGreaterThanOrEqual(2);
          }
        }
      }
    }));
  });

  it('gives nothing away when a figure is taken again after 1 to 4 people joined, left or changed their answers', () => {
    // The attack from issue 11: read a month at 10 people, again at 11, and subtract to get the 11th person's answers.
    fc.assert(fc.property(
      fc.array(answers, { minLength: MIN_PEOPLE, maxLength: 30 }),
      fc.array(fc.record({ op: fc.constantFrom('join', 'leave', 'change'), answers }), { minLength: 1, maxLength: MIN_CHANGE - 1 }),
      (base, changes) => {
        const rows = base.map((a, i) => row(`person-${i}`, a));
        const releases: Releases = {};
        const before = monthFigures(MONTH, rows.map((r) => ({ personId: r.personId, month: MONTH })), rows, releases);
        let next = [...rows];
        changes.forEach((change, i) => {
          if (change.op === 'join') next.push(row(`newcomer-${i}`, change.answers));
          else if (change.op === 'leave') next = next.filter((r) => r.personId !== `person-${i}`);
          else next = next.map((r) => (r.personId === `person-${i}` ? row(r.personId, change.answers, '2026-11-20') : r));
        });
        const after = monthFigures(MONTH, next.map((r) => ({ personId: r.personId, month: MONTH })), next, releases);
        if (after.ons4Respondents !== null) {
          expect(after.ons4Averages).toEqual(before.ons4Averages);
          expect(after.ons4Bands).toEqual(before.ons4Bands);
        }
        if (after.checkingIn !== null) expect(after.checkingIn).toBe(before.checkingIn);
      },
    ));
  });

  it('releases a new figure only when its group differs by at least 5 people from every earlier release', () => {
    const step = fc.record({ op: fc.constantFrom('join', 'leave', 'change'), who: fc.integer({ min: 0, max: 40 }), answers });
    fc.assert(fc.property(fc.array(answers, { minLength: MIN_PEOPLE, maxLength: 20 }), fc.array(fc.array(step, { maxLength: 8 }), { maxLength: 12 }), (base, rounds) => {
      let group = new Map(base.map((a, i) => [`person-${i}`, a]));
      const releases: Releases = {};
      const shown: unknown[] = [];
      for (const round of [[], ...rounds]) {
        for (const { op, who, answers: a } of round) {
          if (op === 'leave') group.delete(`person-${who}`);
          else group = new Map(group).set(`person-${who}`, a);
        }
        const rows = [...group].map(([id, a]) => row(id, a, `2026-11-${String(10 + rounds.indexOf(round) + 1).padStart(2, '0')}`));
        const m = monthFigures(MONTH, [], rows, releases);
        if (m.ons4Averages) shown.push({ ons4Respondents: m.ons4Respondents, ons4Averages: m.ons4Averages, ons4Bands: m.ons4Bands });
      }
      const released = releases[`${MONTH}:ons4`] ?? [];
      for (let i = 0; i < released.length; i++) {
        for (let j = i + 1; j < released.length; j++) expect(changedPeople(released[i].members, released[j].members)).toBeGreaterThanOrEqual(MIN_CHANGE);
      }
      // Everything ever shown is one of those releases.
      for (const figure of shown) expect(released.map((r) => r.figure)).toContainEqual(figure);
    }));
  });

  it('counts each young person once however often they answered, using their latest answers', () => {
    const rows: MonitoringOns4[] = [];
    for (let i = 0; i < 10; i++) rows.push(row(`p${i}`, { life: 2, worthwhile: 5, happy: 5, anxious: 5 }));
    rows.push(row('p0', { life: 10, worthwhile: 5, happy: 5, anxious: 5 }, '2026-11-20'));
    const m = monthFigures(MONTH, [], rows);
    expect(m.ons4Respondents).toBe(10);
    expect(m.ons4Averages?.life).toBe(3);
    // 9 low and 1 very high: both bands describe fewer than 10 people, so both are hidden.
    expect(m.ons4Bands?.life).toEqual({ low: null, 'very-high': null });
  });

  it('hides a second band when one hidden band could be worked out from the others', () => {
    const rows: MonitoringOns4[] = [];
    for (let i = 0; i < 12; i++) rows.push(row(`high-${i}`, { life: 8, worthwhile: 8, happy: 8, anxious: 1 }));
    for (let i = 0; i < 11; i++) rows.push(row(`medium-${i}`, { life: 6, worthwhile: 6, happy: 6, anxious: 3 }));
    rows.push(row('the-one', { life: 0, worthwhile: 0, happy: 0, anxious: 10 }));
    const m = monthFigures(MONTH, [], rows);
    expect(Object.values(m.ons4Bands!.worthwhile).filter((s) => s === null)).toHaveLength(2);
  });
});
