// What the first frame of Today needs without the database: whether this phone showed a check-in from today last
// time, and the greeting for the hour. No database import here: the page's inline first-paint script
// (shell/chooseShell.ts) is built from this file too, so the prerendered Today and the app agree.

// Whether this phone showed a check-in from today last time, kept as just the day ("2026-11-22"). It lets the Today
// screen draw the check-in form in its first frame, before the database has answered, without flashing the form
// at someone who has already checked in (they see the screen fill in a moment later instead, as before).
const CHECKED_IN_ON = 'today:checkedInOn';
const localDay = (date: Date) => `${date.getFullYear()}-${date.getMonth() + 1}-${date.getDate()}`;

export function rememberCheckinToday(checkedIn: boolean, now = new Date()): void {
  try {
    if (checkedIn) localStorage.setItem(CHECKED_IN_ON, localDay(now));
    else localStorage.removeItem(CHECKED_IN_ON);
  } catch {
    // Blocked storage: the screen just waits for the database, as it would anyway.
  }
}

export function mayHaveCheckedInToday(now = new Date()): boolean {
  try {
    return localStorage.getItem(CHECKED_IN_ON) === localDay(now);
  } catch {
    return true;
  }
}

export function greetingKey(now = new Date()): string {
  const hour = now.getHours();
  if (hour < 5) return 'today.greeting.night';
  if (hour < 12) return 'today.greeting.morning';
  if (hour < 18) return 'today.greeting.afternoon';
  if (hour < 22) return 'today.greeting.evening';
  return 'today.greeting.night';
}
