// "Add to my calendar": an RFC 5545 file, so the phone's own calendar reminds them even with no signal.
import { isoToLondonWallTime } from './london-time.ts';
import type { Appointment } from './schema.ts';

/** Words the calendar shows; the app passes them in the person's language. */
export type IcsWords = { reminder: string; phone: string };

const CRLF = '\r\n';
const PRODID = '-//Care leaver app//Appointments//EN';

// The UK rule since 1996: summer time from 01:00 UTC on the last Sunday in March to the last Sunday in October.
const LONDON_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/London',
  'BEGIN:DAYLIGHT',
  'TZNAME:BST',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'DTSTART:19700329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZNAME:GMT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'DTSTART:19701025T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines. */
function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * Folds a content line at 75 octets (§3.1), never inside a UTF-8 character; continuation lines start with a space.
 * @internal exported for its tests (knip --production)
 */
export function foldLine(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = out.length === 0 ? 75 : 74; // the leading space of a continuation line counts
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  out.push(current);
  return out.join(`${CRLF} `);
}

/** London wall time as an iCalendar local DATE-TIME (used with TZID=Europe/London). */
function londonLocal(iso: string): string {
  const { date, time } = isoToLondonWallTime(iso);
  return `${date.replace(/-/g, '')}T${time.replace(':', '')}00`;
}

function utcStamp(iso: string): string {
  return new Date(iso).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

/**
 * A UID that stays the same for this appointment, so re-importing updates the event instead of adding another.
 * @internal exported for its tests (knip --production)
 */
export function icsUid(appointmentId: string): string {
  return `${appointmentId}@appointments.care-leaver-app`;
}

export function appointmentToIcs(a: Appointment, words: IcsWords): string {
  const descriptionParts = [a.notes];
  if (a.servicePhone) descriptionParts.push(`${words.phone}: ${a.servicePhone}`);
  const description = descriptionParts.filter((p) => p.trim() !== '').join('\n');
  const location = [a.serviceName, a.place].filter((p): p is string => !!p && p.trim() !== '');
  const uniqueLocation = [...new Set(location)].join(', ');

  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...LONDON_VTIMEZONE,
    'BEGIN:VEVENT',
    `UID:${icsUid(a.id)}`,
    `DTSTAMP:${utcStamp(a.updatedAt)}`,
    `LAST-MODIFIED:${utcStamp(a.updatedAt)}`,
    // SEQUENCE rises with each edit so calendars accept the newer copy.
    `SEQUENCE:${Math.max(0, Math.floor(Date.parse(a.updatedAt) / 1000) - 1_700_000_000)}`,
    `DTSTART;TZID=Europe/London:${londonLocal(a.startsAt)}`,
    a.endsAt ? `DTEND;TZID=Europe/London:${londonLocal(a.endsAt)}` : 'DURATION:PT1H',
    `SUMMARY:${escapeText(a.title)}`,
    ...(uniqueLocation ? [`LOCATION:${escapeText(uniqueLocation)}`] : []),
    ...(description ? [`DESCRIPTION:${escapeText(description)}`] : []),
    `STATUS:${a.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
    'CLASS:PRIVATE',
    ...(a.status === 'cancelled' ? [] : a.reminders.flatMap((minutes) => [
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${escapeText(`${words.reminder}: ${a.title}`)}`,
      `TRIGGER;RELATED=START:-PT${minutes}M`,
      'END:VALARM',
    ])),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** A safe file name for the download, e.g. "appointment-2026-03-29.ics". */
export function icsFileName(a: Pick<Appointment, 'startsAt'>): string {
  return `appointment-${isoToLondonWallTime(a.startsAt).date}.ics`;
}
