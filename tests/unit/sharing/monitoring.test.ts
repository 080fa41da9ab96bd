import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { councilFigures, MIN_PEOPLE, monthFigures, type MonitoringOns4 } from '../../../src/shared/sharing/monitoring.ts';

const score = fc.integer({ min: 0, max: 10 });
const month = fc.constantFrom('2026-09', '2026-10', '2026-11');
const person = fc.integer({ min: 0, max: 30 }).map((n) => `person-${n}`);
const checkins = fc.array(fc.record({ personId: person, month }), { maxLength: 120 });
const ons4 = fc.array(
  fc.record({ personId: person, month, at: fc.integer({ min: 0, max: 1e6 }).map((n) => String(n).padStart(7, '0')), life: score, worthwhile: score, happy: score, anxious: score }),
  { maxLength: 120 },
);

describe('anonymous monitoring figures for managers', () => {
  it('never shows a figure that comes from fewer than 10 young people', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 40 }), checkins, ons4, (participants, c, o) => {
      const figures = councilFigures(participants, ['2026-09', '2026-10', '2026-11'], c, o as MonitoringOns4[]);
      if (participants < MIN_PEOPLE) expect(figures.participants).toBeNull();
      for (const m of figures.months) {
        const checkers = new Set(c.filter((x) => x.month === m.month).map((x) => x.personId)).size;
        const respondents = new Set(o.filter((x) => x.month === m.month).map((x) => x.personId)).size;
        expect(m.checkingIn).toBe(checkers >= MIN_PEOPLE ? checkers : null);
        expect(m.ons4Respondents).toBe(respondents >= MIN_PEOPLE ? respondents : null);
        if (respondents < MIN_PEOPLE) {
          expect(m.ons4Averages).toBeNull();
          expect(m.ons4Bands).toBeNull();
        } else {
          expect(m.ons4Averages).not.toBeNull();
        }
      }
    }));
  });

  it('counts each young person once however often they answered, using their latest answers', () => {
    const rows: MonitoringOns4[] = [];
    for (let i = 0; i < 10; i++) rows.push({ personId: `p${i}`, month: '2026-11', at: '2026-11-01', life: 2, worthwhile: 5, happy: 5, anxious: 5 });
    rows.push({ personId: 'p0', month: '2026-11', at: '2026-11-20', life: 10, worthwhile: 5, happy: 5, anxious: 5 });
    const m = monthFigures('2026-11', [], rows);
    expect(m.ons4Respondents).toBe(10);
    expect(m.ons4Averages?.life).toBe(2.8);
    expect(m.ons4Bands?.life).toEqual({ low: 0.9, 'very-high': 0.1 });
  });
});
