// Connects the page to its service worker: a new version waits for the person's "Update", and the app never reloads by itself.
import { afterNextPaint } from '../ui/afterPaint.ts';
import { setApplyUpdate, setUpdateState } from './updateState.ts';

/**
 * The parts of workbox-window's Workbox we use; a fake stands in for it in unit tests.
 * @internal exported for its tests (knip --production)
 */
export type WorkboxLike = {
  addEventListener(type: 'waiting' | 'controlling' | 'installed', listener: (event: { isUpdate?: boolean }) => void): void;
  register(): Promise<Pick<ServiceWorkerRegistration, 'waiting'> | undefined>;
  update(): Promise<void>;
  messageSkipWaiting(): void;
};

/** @internal exported for its tests (knip --production) */
export type ConnectOptions = {
  reload: () => void;
  isOnline: () => boolean;
  everyHour: (check: () => void) => void;
};

const UPDATE_CHECK_INTERVAL_MS = 60 * 60 * 1000;

/** @internal exported for its tests (knip --production) */
export async function connectServiceWorker(wb: WorkboxLike, options: ConnectOptions): Promise<void> {
  let updateRequested = false;
  let registration: Pick<ServiceWorkerRegistration, 'waiting'> | undefined;

  wb.addEventListener('waiting', () => setUpdateState({ updateReady: true }));
  wb.addEventListener('installed', (event) => {
    if (!event.isUpdate) setUpdateState({ offlineReady: true });
  });
  // Reload only because the person pressed Update; another tab's update must not reload this one.
  wb.addEventListener('controlling', () => {
    if (updateRequested) options.reload();
  });

  // With a worker waiting, let it take over and reload on `controlling`; if another tab already did, just reload.
  setApplyUpdate(() => {
    if (!registration?.waiting) return options.reload();
    updateRequested = true;
    wb.messageSkipWaiting();
  });

  // Look for a new version now (the app may stay open for days) and then once an hour, only while online.
  registration = await wb.register();
  const checkForUpdate = () => {
    if (options.isOnline()) void wb.update().catch(() => undefined);
  };
  checkForUpdate();
  options.everyHour(checkForUpdate);
}

/** Production builds only: vite dev and unit tests run without a service worker. */
export async function startServiceWorker(): Promise<void> {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  // Loaded after the first screen is painted: workbox-window stays out of the first-route JavaScript, and
  // registering (which starts the worker precaching every file) never competes with that first paint.
  await afterNextPaint();
  const { Workbox } = await import('workbox-window');
  await connectServiceWorker(new Workbox('/sw.js'), {
    reload: () => window.location.reload(),
    isOnline: () => navigator.onLine,
    everyHour: (check) => window.setInterval(check, UPDATE_CHECK_INTERVAL_MS),
  });
}
