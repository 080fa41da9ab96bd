// How times read: "tomorrow" near by, the date further off, in London time whatever the phone's clock zone.
import { describe, expect, it } from 'vitest';

import { dueReminders, nextAppointment, relativeDay } from '../../../src/app/features/appointments/when.ts';
import { appointmentSchema } from '../../../src/shared/appointments/schema.ts';

const now = new Date('2026-05-10T22:30:00Z'); // 23:30 in London (BST): still 10 May there
const a = (startsAt: string, extra: object = {}) => appointmentSchema.parse({ id: crypto.randomUUID(), title: 'x', startsAt, updatedAt: now.toISOString(), ...extra });

describe('when an appointment is', () => {
  it('says tomorrow and in 3 days by the London calendar, in English and Arabic', () => {
    expect(relativeDay('2026-05-11T09:00:00+01:00', now, 'en-GB')).toBe('tomorrow');
    expect(relativeDay('2026-05-13T09:00:00+01:00', now, 'en-GB')).toBe('in 3 days');
    expect(relativeDay('2026-05-11T09:00:00+01:00', now, 'ar')).toBe('غدًا');
  });

  it('gives the date itself when it is more than a week away', () => {
    expect(relativeDay('2026-06-02T09:00:00+01:00', now, 'en-GB')).toBe('Tuesday 2 June');
  });

  it('finds the next one and the reminders due now, leaving out cancelled ones', () => {
    const soon = a('2026-05-10T23:45:00Z', { reminders: [120] }); // due at 21:45, before now
    const cancelled = a('2026-05-10T23:40:00Z', { reminders: [120], status: 'cancelled' });
    const later = a('2026-05-12T10:00:00Z');
    expect(nextAppointment([later, cancelled, soon], now)?.id).toBe(soon.id);
    expect(dueReminders([later, cancelled, soon], now).map((x) => x.id)).toEqual([soon.id]);
  });
});
