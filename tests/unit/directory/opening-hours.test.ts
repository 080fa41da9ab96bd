import { describe, expect, it } from 'vitest';

import { closesAt, isAlwaysOpen, isOpenAt, nextOpening } from '../../../src/shared/directory/opening-hours.ts';
import type { OpeningHours } from '../../../src/shared/directory/types.ts';

const weekdays = ['mo', 'tu', 'we', 'th', 'fr'] as const;
const officeHours: OpeningHours = { kind: 'weekly', sessions: [{ days: [...weekdays], opens: '09:00', closes: '17:00' }] };
const split: OpeningHours = {
  kind: 'weekly',
  sessions: [
    { days: ['we'], opens: '09:00', closes: '12:00' },
    { days: ['we'], opens: '15:00', closes: '17:00' },
  ],
};
// Friday and Saturday nights, 22:00 until 06:00 the next morning.
const overnight: OpeningHours = { kind: 'weekly', sessions: [{ days: ['fr', 'sa'], opens: '22:00', closes: '06:00' }] };
const at = (iso: string) => new Date(iso);

describe('open now, in London time', () => {
  it('is open in office hours and closed before and after', () => {
    // Wed 15 Jan 2025 (GMT: London = UTC)
    expect(isOpenAt(officeHours, at('2025-01-15T08:59:00Z'))).toBe(false);
    expect(isOpenAt(officeHours, at('2025-01-15T09:00:00Z'))).toBe(true);
    expect(isOpenAt(officeHours, at('2025-01-15T16:59:00Z'))).toBe(true);
    expect(isOpenAt(officeHours, at('2025-01-15T17:00:00Z'))).toBe(false);
    expect(isOpenAt(officeHours, at('2025-01-18T12:00:00Z'))).toBe(false); // Saturday: closed day
  });

  it('is closed in the gap between split sessions', () => {
    expect(isOpenAt(split, at('2025-01-15T10:00:00Z'))).toBe(true);
    expect(isOpenAt(split, at('2025-01-15T13:30:00Z'))).toBe(false);
    expect(isOpenAt(split, at('2025-01-15T15:30:00Z'))).toBe(true);
  });

  it('stays open past midnight and closes in the morning', () => {
    expect(isOpenAt(overnight, at('2025-01-17T23:30:00Z'))).toBe(true); // Fri 23:30
    expect(isOpenAt(overnight, at('2025-01-18T02:00:00Z'))).toBe(true); // Sat 02:00, from Friday night
    expect(isOpenAt(overnight, at('2025-01-18T06:00:00Z'))).toBe(false);
    expect(isOpenAt(overnight, at('2025-01-20T02:00:00Z'))).toBe(false); // Mon 02:00: Sunday night is closed
    expect(isOpenAt(overnight, at('2025-01-19T05:59:00Z'))).toBe(true); // Sun 05:59, from Saturday night
  });

  it('uses British Summer Time after the clocks go forward', () => {
    // Sun 30 Mar 2025 clocks go forward at 01:00 UTC. 08:30 UTC is 09:30 in London.
    const sunday: OpeningHours = { kind: 'weekly', sessions: [{ days: ['su'], opens: '09:00', closes: '17:00' }] };
    expect(isOpenAt(sunday, at('2025-03-30T08:30:00Z'))).toBe(true);
    expect(isOpenAt(sunday, at('2025-03-30T16:30:00Z'))).toBe(false); // 17:30 BST
  });

  it('closes an overnight session by the wall clock on the night the clocks go back', () => {
    // Sat 25 → Sun 26 Oct 2025, clocks go back at 01:00 UTC. 05:30 UTC is 05:30 GMT: still open; 06:00 GMT closed.
    expect(isOpenAt(overnight, at('2025-10-26T05:30:00Z'))).toBe(true);
    expect(isOpenAt(overnight, at('2025-10-26T06:00:00Z'))).toBe(false);
    // Before the change, 04:30 UTC was 05:30 BST on Sat 25 Oct (from Friday night): open. 05:00 UTC = 06:00 BST: closed.
    expect(isOpenAt(overnight, at('2025-10-25T04:30:00Z'))).toBe(true);
    expect(isOpenAt(overnight, at('2025-10-25T05:00:00Z'))).toBe(false);
  });

  it('treats 24/7 and 00:00–23:59 every day as always open', () => {
    const allDay: OpeningHours = { kind: 'weekly', sessions: [{ days: ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'], opens: '00:00', closes: '23:59' }] };
    expect(isOpenAt({ kind: 'always' }, at('2025-01-15T03:00:00Z'))).toBe(true);
    expect(isOpenAt(allDay, at('2025-01-15T23:59:30Z'))).toBe(true);
    expect(isAlwaysOpen(allDay)).toBe(true);
    expect(isAlwaysOpen(officeHours)).toBe(false);
  });

  it('is closed on listed closed days, such as bank holidays', () => {
    const withHoliday: OpeningHours = { ...officeHours, closed: [{ from: '2025-12-25', to: '2025-12-26' }] };
    expect(isOpenAt(withHoliday, at('2025-12-25T12:00:00Z'))).toBe(false);
    expect(isOpenAt(withHoliday, at('2025-12-24T12:00:00Z'))).toBe(true);
  });

  it('says nothing is open when hours are unknown', () => {
    expect(isOpenAt(undefined, at('2025-01-15T12:00:00Z'))).toBe(false);
  });
});

describe('when it next opens and closes', () => {
  it('opens at 9:00 tomorrow when it is evening', () => {
    expect(nextOpening(officeHours, at('2025-01-15T19:00:00Z'))).toEqual({ inDays: 1, time: '09:00', weekday: 'th' });
  });
  it('opens later today for the afternoon session', () => {
    expect(nextOpening(split, at('2025-01-15T13:00:00Z'))).toEqual({ inDays: 0, time: '15:00', weekday: 'we' });
  });
  it('skips the weekend', () => {
    expect(nextOpening(officeHours, at('2025-01-17T18:00:00Z'))).toEqual({ inDays: 3, time: '09:00', weekday: 'mo' });
  });
  it('tells when an open session closes, even after midnight', () => {
    expect(closesAt(officeHours, at('2025-01-15T10:00:00Z'))).toBe('17:00');
    expect(closesAt(overnight, at('2025-01-18T02:00:00Z'))).toBe('06:00');
    expect(closesAt(officeHours, at('2025-01-15T20:00:00Z'))).toBeUndefined();
  });
});
