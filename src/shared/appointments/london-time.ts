// Appointments are entered as Europe/London wall-clock time; these turn that into an exact instant and back,
// getting the clock changes right (no library: Intl knows the UK rules on every phone and server).

export const LONDON = 'Europe/London';

// Made on first use, not at load: a formatter with a time zone costs a phone tens of milliseconds to build,
// and the Today screen loads this module while it is drawing (often with no appointment to show).
let partsFormat: Intl.DateTimeFormat | undefined;
const londonParts = () => (partsFormat ??= new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON, hourCycle: 'h23',
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
}));

export type LondonWallTime = { date: string; time: string };

/** London's offset from UTC, in minutes (0 in winter, 60 in summer), at the instant `utcMs`. */
function londonOffsetMinutes(utcMs: number): number {
  const p = Object.fromEntries(londonParts().formatToParts(new Date(utcMs)).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second);
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60000);
}

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

function offsetText(minutes: number): string {
  return `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/** Is `date` (YYYY-MM-DD) a day that exists on the calendar? 2027-02-29 and 2026-04-31 do not. */
function isRealDate(date: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return false;
  const [y, mo, d] = [+m[1], +m[2], +m[3]];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

export type LondonToIsoResult =
  | { ok: true; iso: string }
  | { ok: false; reason: 'bad-date' | 'bad-time' | 'clocks-go-forward' };

/**
 * London wall time → ISO 8601 with its offset ("2026-03-29T10:00:00+01:00").
 * In the autumn hour that happens twice we take the first (summer-time) one, which is when people expect it;
 * a time inside the spring-forward gap does not exist, so we say so rather than guess.
 */
export function londonWallTimeToIso({ date, time }: LondonWallTime): LondonToIsoResult {
  if (!isRealDate(date)) return { ok: false, reason: 'bad-date' };
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!t || +t[1] > 23 || +t[2] > 59) return { ok: false, reason: 'bad-time' };
  const [y, mo, d] = date.split('-').map(Number);
  const wallAsUtc = Date.UTC(y, mo - 1, d, +t[1], +t[2]);
  for (const offset of [60, 0]) {
    const instant = wallAsUtc - offset * 60000;
    if (londonOffsetMinutes(instant) === offset) return { ok: true, iso: `${date}T${time}:00${offsetText(offset)}` };
  }
  return { ok: false, reason: 'clocks-go-forward' };
}

/** An exact instant → the London date and time a person would read on a clock there. */
export function isoToLondonWallTime(iso: string): LondonWallTime {
  const utcMs = Date.parse(iso);
  const local = new Date(utcMs + londonOffsetMinutes(utcMs) * 60000);
  return {
    date: `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}`,
    time: `${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`,
  };
}
