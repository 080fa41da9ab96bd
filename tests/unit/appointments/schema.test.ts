// What an appointment may hold, and the clear messages for what it may not.
import { describe, expect, it } from 'vitest';

import { isoToLondonWallTime, londonWallTimeToIso } from '../../../src/shared/appointments/london-time.ts';
import { appointmentSchema, NOTES_MAX, reminderTimes } from '../../../src/shared/appointments/schema.ts';

const base = { id: '5b0f7c1e-9a43-4b8e-8d51-2f1f2b6b7a10', title: 'Housing office', startsAt: '2026-05-12T14:00:00+01:00', updatedAt: '2026-05-01T09:00:00Z' };

function problems(input: unknown) {
  const result = appointmentSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('appointment record', () => {
  it('fills private, friendly defaults: a day and two hours before, no details on the lock screen', () => {
    const a = appointmentSchema.parse(base);
    expect(a.reminders).toEqual([1440, 120]);
    expect(a.status).toBe('planned');
    expect(a.showDetailsInNotification).toBe(false);
    expect(a.travelHelp).toEqual({ fare: false, taxi: false, someoneToGoWith: false });
  });

  it('refuses impossible dates', () => {
    expect(problems({ ...base, startsAt: '2026-02-30T10:00:00+00:00' })[0]).toMatch(/^startsAt: Must be a real date/);
    expect(problems({ ...base, startsAt: '2026-13-01T10:00:00+00:00' })[0]).toMatch(/^startsAt:/);
  });

  it('refuses an end before the start', () => {
    expect(problems({ ...base, endsAt: '2026-05-12T13:00:00+01:00' })).toEqual(['endsAt: The end must be after the start']);
  });

  it('refuses reminders after the appointment', () => {
    expect(problems({ ...base, reminders: [-30] })).toEqual(['reminders.0: A reminder must come before the appointment']);
    expect(problems({ ...base, reminders: [0] })).toEqual(['reminders.0: A reminder must come before the appointment']);
  });

  it('refuses 10 MB of notes with a message saying the limit', () => {
    expect(problems({ ...base, notes: 'a'.repeat(10 * 1024 * 1024) })).toEqual([`notes: Notes can be up to ${NOTES_MAX} characters`]);
  });

  it('refuses an empty title and unknown fields', () => {
    expect(problems({ ...base, title: '   ' })).toEqual(['title: Say what the appointment is']);
    expect(problems({ ...base, secret: 1 })[0]).toMatch(/secret/);
  });

  it('lists reminder times earliest first', () => {
    const times = reminderTimes({ startsAt: '2026-05-12T14:00:00+01:00', reminders: [120, 1440] });
    expect(times.map((t) => new Date(t.at).toISOString())).toEqual(['2026-05-11T13:00:00.000Z', '2026-05-12T11:00:00.000Z']);
  });
});

describe('London wall time', () => {
  it('uses GMT in winter and BST in summer', () => {
    expect(londonWallTimeToIso({ date: '2026-01-15', time: '09:00' })).toEqual({ ok: true, iso: '2026-01-15T09:00:00+00:00' });
    expect(londonWallTimeToIso({ date: '2026-07-15', time: '09:00' })).toEqual({ ok: true, iso: '2026-07-15T09:00:00+01:00' });
  });

  it('says a time in the spring-forward hour does not exist', () => {
    expect(londonWallTimeToIso({ date: '2026-03-29', time: '01:30' })).toEqual({ ok: false, reason: 'clocks-go-forward' });
  });

  it('takes the first 01:30 on the night the clocks go back', () => {
    expect(londonWallTimeToIso({ date: '2026-10-25', time: '01:30' })).toEqual({ ok: true, iso: '2026-10-25T01:30:00+01:00' });
  });

  it('refuses 30 February and 31 April, accepts 29 February in a leap year', () => {
    expect(londonWallTimeToIso({ date: '2026-02-30', time: '10:00' })).toEqual({ ok: false, reason: 'bad-date' });
    expect(londonWallTimeToIso({ date: '2026-04-31', time: '10:00' })).toEqual({ ok: false, reason: 'bad-date' });
    expect(londonWallTimeToIso({ date: '2028-02-29', time: '10:00' }).ok).toBe(true);
    expect(londonWallTimeToIso({ date: '2026-02-01', time: '24:00' })).toEqual({ ok: false, reason: 'bad-time' });
  });

  it('reads an instant back as London wall time', () => {
    expect(isoToLondonWallTime('2026-07-15T08:00:00Z')).toEqual({ date: '2026-07-15', time: '09:00' });
    expect(isoToLondonWallTime('2026-12-31T23:30:00-05:00')).toEqual({ date: '2027-01-01', time: '04:30' });
  });
});
