import { describe, expect, it } from 'vitest';

import { DEFAULT_WORKING_HOURS, workingHoursSchema } from '../../../src/shared/sharing/schemas.ts';
import { isWithinWorkingHours, nextWorkingTime } from '../../../src/shared/sharing/working-hours.ts';

describe('when a PA is likely to see something shared', () => {
  it('says "now" on a Tuesday afternoon in London summer time', () => {
    const at = new Date('2026-07-14T13:00:00Z'); // 14:00 BST
    expect(isWithinWorkingHours(DEFAULT_WORKING_HOURS, at)).toBe(true);
    expect(nextWorkingTime(DEFAULT_WORKING_HOURS, at)).toEqual(at);
  });

  it('points a Friday evening share to Monday 9:00 London time', () => {
    const friday = new Date('2026-11-20T19:30:00Z');
    expect(isWithinWorkingHours(DEFAULT_WORKING_HOURS, friday)).toBe(false);
    expect(nextWorkingTime(DEFAULT_WORKING_HOURS, friday)?.toISOString()).toBe('2026-11-23T09:00:00.000Z');
  });

  it('points an early-morning summer share to 9:00 BST the same day', () => {
    expect(nextWorkingTime(DEFAULT_WORKING_HOURS, new Date('2026-07-14T05:00:00Z'))?.toISOString()).toBe('2026-07-14T08:00:00.000Z');
  });

  it('treats the end time as the end of the working day', () => {
    expect(isWithinWorkingHours(DEFAULT_WORKING_HOURS, new Date('2026-11-24T17:00:00Z'))).toBe(false);
    expect(nextWorkingTime(DEFAULT_WORKING_HOURS, new Date('2026-11-24T17:00:00Z'))?.toISOString()).toBe('2026-11-25T09:00:00.000Z');
  });

  it('makes no promise when the PA has set no working days', () => {
    expect(nextWorkingTime({ days: [] }, new Date('2026-11-24T12:00:00Z'))).toBeNull();
  });

  it('refuses working hours that end before they start, naming the field', () => {
    const result = workingHoursSchema.safeParse({ days: [{ day: 1, start: '17:00', end: '09:00' }] });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path).toEqual(['days', 0, 'end']);
  });
});
