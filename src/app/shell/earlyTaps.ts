// A tap on a mood face between the first paint and React taking over the page: the inline script (chooseShell.ts)
// notes it, main.tsx stops noting as React starts to listen (later taps are React's), and Today's check-in form
// takes it once it is live, so it is saved once: not lost, not doubled.

export type EarlyTaps = { moods: string[]; stop: () => void };

/** Where the inline script leaves the taps it noted (a property of window, the only thing both scripts share). */
export const EARLY_TAPS = 'firstPaintTaps';

let waiting: string | undefined;

/** As React starts listening: no more noting; the last face tapped (if any) waits for the form when `keep`. */
export function stopNotingEarlyTaps(keep: boolean): void {
  const holder = window as unknown as Record<string, EarlyTaps | undefined>;
  const taps = holder[EARLY_TAPS];
  if (!taps) return;
  taps.stop();
  delete holder[EARLY_TAPS];
  waiting = keep ? taps.moods.at(-1) : undefined;
}

/** The face tapped before the app listened, once (the form that takes it saves it). */
export function takeEarlyTap(): string | undefined {
  const mood = waiting;
  waiting = undefined;
  return mood;
}
