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

/** Counts presses of Shift on its own; three within 5 seconds of each other exits. */
export function createShiftCounter(onExit: () => void, onCount?: (count: number) => void) {
  let count = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (event: KeyboardEvent) => {
    if (event.key !== 'Shift' || event.repeat || event.ctrlKey || event.altKey || event.metaKey) {
      if (event.key !== 'Shift') count = 0;
      return;
    }
    count += 1;
    clearTimeout(timer);
    if (count >= SHIFT_PRESSES) {
      count = 0;
      onExit();
      return;
    }
    onCount?.(count);
    timer = setTimeout(() => { count = 0; onCount?.(0); }, SHIFT_WINDOW_MS);
  };
}

