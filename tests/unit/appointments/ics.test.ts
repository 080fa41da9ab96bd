// The calendar file must open in real calendars: parsed here with ical.js, a full RFC 5545 parser.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';

import { appointmentToIcs, foldLine, icsUid } from '../../../src/shared/appointments/ics.ts';
import { londonWallTimeToIso } from '../../../src/shared/appointments/london-time.ts';
import { type AppointmentInput, appointmentSchema } from '../../../src/shared/appointments/schema.ts';

const words = { reminder: 'Reminder', phone: 'Phone' };
const ID = '5b0f7c1e-9a43-4b8e-8d51-2f1f2b6b7a10';

function appointment(overrides: Partial<AppointmentInput> = {}) {
  return appointmentSchema.parse({
    id: ID, title: 'Doctor', startsAt: '2026-03-30T10:00:00+01:00', updatedAt: '2026-03-01T12:00:00Z', ...overrides,
  });
}

function parseEvent(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

function londonIso(date: string, time: string) {
  const r = londonWallTimeToIso({ date, time });
  if (!r.ok) throw new Error(r.reason);
  return r.iso;
}

describe('Add to my calendar (.ics)', () => {
  it('starts at the right moment in Europe/London on either side of the spring clock change', () => {
    // 28 March 2026 is GMT, 30 March is BST: the same 10:00 on the wall is a different UTC hour.
    for (const [date, utcHour] of [['2026-03-28', 10], ['2026-03-30', 9]] as const) {
      const { event } = parseEvent(appointmentToIcs(appointment({ startsAt: londonIso(date, '10:00') }), words));
      expect(event.startDate.zone.tzid).toBe('Europe/London');
      expect(event.startDate.toString()).toBe(`${date}T10:00:00`);
      expect(event.startDate.toJSDate().toISOString()).toBe(`${date}T${String(utcHour).padStart(2, '0')}:00:00.000Z`);
    }
  });

  it('keeps an autumn appointment after the clocks go back at the right hour', () => {
    const startsAt = londonIso('2026-10-26', '09:30');
    const { event } = parseEvent(appointmentToIcs(appointment({ startsAt, endsAt: londonIso('2026-10-26', '10:15') }), words));
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-10-26T09:30:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-10-26T10:15:00.000Z');
  });

  it('has one alarm per reminder, each before the start', () => {
    const { vevent } = parseEvent(appointmentToIcs(appointment({ reminders: [1440, 120, 15] }), words));
    const triggers = vevent.getAllSubcomponents('valarm').map((alarm) => {
      expect(alarm.getFirstPropertyValue('action')).toBe('DISPLAY');
      return (alarm.getFirstPropertyValue('trigger') as ICAL.Duration).toSeconds();
    });
    expect(triggers).toEqual([-1440 * 60, -120 * 60, -15 * 60]);
  });

  it('has no alarms once the appointment is cancelled', () => {
    const { vevent } = parseEvent(appointmentToIcs(appointment({ status: 'cancelled' }), words));
    expect(vevent.getAllSubcomponents('valarm')).toHaveLength(0);
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  it('keeps the same UID when the appointment is edited, so the calendar updates it', () => {
    const first = parseEvent(appointmentToIcs(appointment(), words)).event.uid;
    const edited = parseEvent(appointmentToIcs(appointment({ title: 'Dentist', updatedAt: '2026-03-02T08:00:00Z' }), words)).event.uid;
    expect(first).toBe(icsUid(ID));
    expect(edited).toBe(first);
  });

  it('escapes commas, semicolons, backslashes and new lines and gets them back intact', () => {
    const title = 'Housing, money; forms \\ letters';
    const notes = 'Bring:\n- passport, BRP\n- letter; the blue one\r\nAsk about C:\\fares';
    const { event, vevent } = parseEvent(appointmentToIcs(appointment({ title, notes, place: 'Room 2, 1st floor' }), words));
    expect(event.summary).toBe(title);
    expect(event.description).toBe(notes.replace(/\r\n/g, '\n'));
    expect(event.location).toBe('Room 2, 1st floor');
    expect(vevent.toString()).toContain('SUMMARY:Housing\\, money\\; forms \\\\ letters');
  });

  it('folds long notes at 75 octets with CRLF, never splitting an Arabic letter, and unfolds them exactly', () => {
    const notes = 'موعد مع المستشار لمناقشة السكن والمال. '.repeat(30).trim() + ' ' + 'x'.repeat(500);
    const ics = appointmentToIcs(appointment({ notes }), words);
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const lines = ics.split('\r\n').slice(0, -1);
    for (const line of lines) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(lines.filter((l) => l.startsWith(' ')).length).toBeGreaterThan(10);
    expect(parseEvent(ics).event.description).toBe(notes);
  });

  it('does not fold a short line', () => {
    expect(foldLine('SUMMARY:Doctor')).toBe('SUMMARY:Doctor');
  });

  it('puts the service phone in the description so it is there at the appointment', () => {
    const { event } = parseEvent(appointmentToIcs(appointment({ serviceId: 'svc-1', serviceName: 'Example Drop-in 0042', servicePhone: '0000 000 0042' }), words));
    expect(event.description).toContain('Phone: 0000 000 0042');
    expect(event.location).toBe('Example Drop-in 0042');
  });
});
