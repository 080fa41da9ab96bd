// Quick exit (GOV.UK "Exit this page"): blank the screen in the same frame, then leave for a neutral page.
import { useEffect } from 'react';

export { EXIT_EXPLAINED_KEY } from './quickExitKey.ts';
export { EXIT_URL, exitNow } from './quickExitNow.ts';
import { createShiftCounter, exitNow, uncoverOnReturn } from './quickExitNow.ts';

/** While a screen with an Exit button is open, Shift pressed three times exits too. */
export function useShiftToExit(onCount?: (count: number) => void): void {
  useEffect(() => {
    const onKey = createShiftCounter(exitNow, onCount);
    window.addEventListener('keydown', onKey);
    window.addEventListener('pageshow', uncoverOnReturn);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('pageshow', uncoverOnReturn);
    };
  }, [onCount]);
}
