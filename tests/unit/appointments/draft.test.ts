// The form's rules, without a browser: every impossible answer gets its own message.
import { describe, expect, it } from 'vitest';

import { appointmentFromDraft, draftFromAppointment, emptyDraft } from '../../../src/app/features/appointments/draft.ts';

const base = { id: '5b0f7c1e-9a43-4b8e-8d51-2f1f2b6b7a10' };
const now = new Date('2026-01-01T12:00:00Z');
const draft = (c: Partial<ReturnType<typeof emptyDraft>>) => ({ ...emptyDraft(), title: 'GP', date: '2026-06-01', time: '09:15', ...c });
const problemKeys = (c: Partial<ReturnType<typeof emptyDraft>>) => {
  const r = appointmentFromDraft(draft(c), base, now);
  return r.ok ? [] : r.problems.map((p) => `${p.field}:${p.key}`);
};

describe('appointment form rules', () => {
  it('refuses impossible dates and times', () => {
    expect(problemKeys({ date: '2026-02-30' })).toEqual(['date:dateNotReal']);
    expect(problemKeys({ date: '2026-04-31' })).toEqual(['date:dateNotReal']);
    expect(problemKeys({ time: '25:00' })).toEqual(['time:timeNotReal']);
  });

  it('explains the missing hour when the clocks go forward', () => {
    expect(problemKeys({ date: '2026-03-29', time: '01:15' })).toEqual(['time:clocksGoForward']);
  });

  it('refuses an end at or before the start', () => {
    expect(problemKeys({ endTime: '09:15' })).toEqual(['endTime:endBeforeStart']);
    expect(problemKeys({ endTime: '08:00' })).toEqual(['endTime:endBeforeStart']);
  });

  it('refuses own reminders at or after the start, too early, or not a number', () => {
    expect(problemKeys({ ownReminders: [{ amount: '0', unit: 'minutes' }] })).toEqual(['reminders:reminderAfterStart']);
    expect(problemKeys({ ownReminders: [{ amount: '-2', unit: 'hours' }] })).toEqual(['reminders:reminderAfterStart']);
    expect(problemKeys({ ownReminders: [{ amount: '29', unit: 'days' }] })).toEqual(['reminders:reminderTooEarly']);
    expect(problemKeys({ ownReminders: [{ amount: '1.5', unit: 'hours' }] })).toEqual(['reminders:reminderNotNumber']);
  });

  it('refuses notes over the limit', () => {
    expect(problemKeys({ notes: 'x'.repeat(2001) })).toEqual(['notes:notesTooLong']);
  });

  it('round-trips an appointment through the form unchanged', () => {
    const r = appointmentFromDraft(draft({ endTime: '10:00', ownReminders: [{ amount: '3', unit: 'days' }, { amount: '45', unit: 'minutes' }] }), base, now);
    if (!r.ok) throw new Error('should save');
    expect(r.appointment.reminders).toEqual([4320, 1440, 120, 45]);
    expect(r.appointment.startsAt).toBe('2026-06-01T09:15:00+01:00');
    const again = appointmentFromDraft(draftFromAppointment(r.appointment), r.appointment, now);
    expect(again.ok && again.appointment).toEqual(r.appointment);
  });
});
