// A tap on a mood face (Today) or a language (first start) between the first paint and React taking over the page:
// the inline script (chooseShell.ts) notes it, main.tsx stops noting as React starts to listen (later taps are
// React's), and the screen takes it once it is live, so it counts once: not lost, not doubled.

export type EarlyTapKind = 'mood' | 'language';
export type EarlyTaps = { taps: { kind: EarlyTapKind; value: string }[]; stop: () => void };

/** Where the inline script leaves the taps it noted (a property of window, the only thing both scripts share). */
export const EARLY_TAPS = 'firstPaintTaps';

let waiting: { kind: EarlyTapKind; value: string } | undefined;

/** As React starts listening: no more noting; the last tap (if any) waits for its screen when `keep`. */
export function stopNotingEarlyTaps(keep: boolean): void {
  const holder = window as unknown as Record<string, EarlyTaps | undefined>;
  const taps = holder[EARLY_TAPS];
  if (!taps) return;
  taps.stop();
  delete holder[EARLY_TAPS];
  waiting = keep ? taps.taps.at(-1) : undefined;
}

/** What was tapped before the app listened, if it was of this kind; once (the screen that takes it acts on it). */
export function takeEarlyTap(kind: EarlyTapKind): string | undefined {
  if (waiting?.kind !== kind) return undefined;
  const { value } = waiting;
  waiting = undefined;
  return value;
}
