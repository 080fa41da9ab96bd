// When sync runs: on start, when the phone comes online, when the app comes back into view,
// shortly after a local change, every minute while online, and after a failed round again soon (2 s, doubling to a
// minute), so a change waiting in the outbox goes as soon as the server answers, with no screen opened.
import { lockState, onLockChange } from '../data/lock/lockState.ts';
import { setBeforeLock } from '../data/lock/start.ts';
import { onLocalWrite } from '../data/records.ts';
import { sendBeforeLock, syncNow } from './syncClient.ts';

const AFTER_WRITE_MS = 2_000;
const EVERY_MS = 60_000;
const FIRST_RETRY_MS = 2_000;

/** Starts the sync triggers; returns a function that stops them (used by tests and hot reload). */
export function startSync(): () => void {
  let writeTimer: ReturnType<typeof setTimeout> | undefined;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let failures = 0;
  let stopped = false;
  const run = () => {
    clearTimeout(retryTimer);
    void syncNow().then((result) => {
      if (stopped) return;
      if (result !== 'failed') {
        // 'offline' waits for the online event; 'ok' for the next change or the minute.
        failures = 0;
        return;
      }
      clearTimeout(retryTimer);
      retryTimer = setTimeout(run, Math.min(FIRST_RETRY_MS * 2 ** failures, EVERY_MS));
      failures++;
    });
  };
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
  // Whatever waited while the phone was locked goes as soon as it is unlocked (not when the PIN is removed: a
  // forgotten-PIN restore sets its identity first and syncs by itself).
  const stopUnlocks = onLockChange(() => {
    if (lockState().mode === 'unlocked') run();
  });
  // Locking sends the outbox first (it cannot be read while locked); while locked, the triggers above only pull.
  setBeforeLock(sendBeforeLock);
  run();

  return () => {
    stopped = true;
    clearTimeout(writeTimer);
    clearTimeout(retryTimer);
    clearInterval(interval);
    window.removeEventListener('online', run);
    document.removeEventListener('visibilitychange', whenVisible);
    stopWrites();
    stopUnlocks();
    setBeforeLock(async () => undefined);
  };
}
