// Quick exit itself, without React: the app's Exit button and Shift × 3 use it (quickExit.ts), and so does the page's
// inline first-paint script (shell/chooseShell.ts) before the app has started.

/** A neutral page with nothing personal on it, as GOV.UK recommends. */
export const EXIT_URL = 'https://www.bbc.co.uk/weather';
const SHIFT_PRESSES = 3;
const SHIFT_WINDOW_MS = 5000;

/** Hides everything synchronously (no React render to wait for), then replaces this page in history. */
export function exitNow(): void {
  document.documentElement.classList.add('quick-exit');
  if (!document.querySelector('.quick-exit-cover')) {
    const cover = document.createElement('div');
    cover.className = 'quick-exit-cover';
    document.body.appendChild(cover);
  }
  window.location.replace(EXIT_URL);
}

// Coming back with the Back button (from the browser's page cache) must show the app again, not a blank page.
export function uncoverOnReturn(event: PageTransitionEvent): void {
  if (!event.persisted) return;
  document.documentElement.classList.remove('quick-exit');
  document.querySelector('.quick-exit-cover')?.remove();
}

// The presses counted so far live on window, the only thing the page's inline script and the app share: while the
// app takes over from the painted page both listen for a moment, and each press must count once across the two
// (three presses split across the hand-over still exit, and exit once, not twice: a second navigation would cancel
// the first).
const SHIFT_PRESSES_KEY = 'quickExitShiftPresses';
type ShiftPresses = { count: number; last?: KeyboardEvent; timer?: ReturnType<typeof setTimeout> };

function shiftPresses(): ShiftPresses {
  const holder = window as unknown as Record<string, ShiftPresses | undefined>;
  return (holder[SHIFT_PRESSES_KEY] ??= { count: 0 });
}

/** Counts presses of Shift on its own; three within 5 seconds of each other exits. */
export function createShiftCounter(onExit: () => void, onCount?: (count: number) => void) {
  return (event: KeyboardEvent) => {
    const presses = shiftPresses();
    const counted = presses.last === event;
    presses.last = event;
    if (event.key !== 'Shift' || event.repeat || event.ctrlKey || event.altKey || event.metaKey) {
      if (event.key !== 'Shift') presses.count = 0;
      return;
    }
    if (!counted) presses.count += 1;
    // Counted by the other listener already, which exited (or the count was reset): nothing more to do.
    else if (presses.count === 0) return;
    clearTimeout(presses.timer);
    if (presses.count >= SHIFT_PRESSES) {
      presses.count = 0;
      onExit();
      return;
    }
    onCount?.(presses.count);
    // The listener that ran last owns the timer, so the one still listening is told when the count runs out.
    presses.timer = setTimeout(() => {
      presses.count = 0;
      onCount?.(0);
    }, SHIFT_WINDOW_MS);
  };
}
