// When sync runs: on start, when the phone comes online, when the app comes back into view,
// shortly after a local change, and every minute while online.
import { onLocalWrite } from '../data/records.ts';
import { syncNow } from './syncClient.ts';

const AFTER_WRITE_MS = 2_000;
const EVERY_MS = 60_000;

/** Starts the sync triggers; returns a function that stops them (used by tests and hot reload). */
export function startSync(): () => void {
  let writeTimer: ReturnType<typeof setTimeout> | undefined;
  const run = () => void syncNow();
  const whenVisible = () => {
    if (document.visibilityState === 'visible') run();
  };
  const afterWrite = () => {
    clearTimeout(writeTimer);
    writeTimer = setTimeout(run, AFTER_WRITE_MS);
  };
  const interval = setInterval(() => {
    if (navigator.onLine !== false) run();
  }, EVERY_MS);

  window.addEventListener('online', run);
  document.addEventListener('visibilitychange', whenVisible);
  const stopWrites = onLocalWrite(afterWrite);
  run();

  return () => {
    clearTimeout(writeTimer);
    clearInterval(interval);
    window.removeEventListener('online', run);
    document.removeEventListener('visibilitychange', whenVisible);
    stopWrites();
  };
}
