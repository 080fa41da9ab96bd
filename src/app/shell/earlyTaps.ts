// A tap on a mood face (Today) or a language (first start) between the first paint and React taking over the page:
// the inline script (chooseShell.ts) notes it, main.tsx stops noting as React starts to listen (later taps are
// React's), and the screen takes it once it is live, so it counts once: not lost, not doubled.

export type EarlyTapKind = 'mood' | 'language' | 'button';
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

/** Which button on the painted screen: its place among the screen's buttons and its words (both must match later). */
export function buttonTapKey(screen: Element, button: Element): string {
  return `${[...screen.querySelectorAll('button')].indexOf(button as HTMLButtonElement)}\u0000${button.textContent ?? ''}`;
}

/**
 * On a painted screen React drew again rather than took over (Help now): a button tapped before React listened (the
 * Language button, say) is tapped again on React's screen, the same button in the same place with the same words, so
 * the tap is not lost. Any other early tap is dropped here: its screen has already started without it.
 */
export function replayEarlyButtonTap(screen: HTMLElement): void {
  const tap = waiting;
  waiting = undefined;
  if (tap?.kind !== 'button') return;
  const [index, words] = tap.value.split('\u0000');
  const button = screen.querySelectorAll('button')[Number(index)];
  if (button && button.textContent === words) button.click();
}
