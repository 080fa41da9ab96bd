import { beforeEach, describe, expect, it, vi } from 'vitest';

import { connectServiceWorker, type WorkboxLike } from './serviceWorker.ts';
import { applyUpdate, getUpdateState, resetUpdateStateForTests } from './updateState.ts';

type Listener = (event: { isUpdate?: boolean }) => void;

/** Stands in for workbox-window: lets a test play the service worker's lifecycle events. */
function fakeWorkbox(registration: { waiting: ServiceWorker | null } = { waiting: null }) {
  const listeners = new Map<string, Listener[]>();
  const wb = {
    addEventListener: (type: string, listener: Listener) => listeners.set(type, [...(listeners.get(type) ?? []), listener]),
    register: vi.fn(async () => registration),
    update: vi.fn(async () => undefined),
    messageSkipWaiting: vi.fn(),
    fire: (type: string, event: { isUpdate?: boolean } = {}) => (listeners.get(type) ?? []).forEach((l) => l(event)),
  };
  return { wb: wb as WorkboxLike & typeof wb, registration };
}

function connect(wb: WorkboxLike, online = true) {
  const reload = vi.fn();
  let hourly: () => void = () => undefined;
  const ready = connectServiceWorker(wb, { reload, isOnline: () => online, everyHour: (check) => (hourly = check) });
  return { reload, ready, checkHourly: () => hourly() };
}

const someWorker = {} as ServiceWorker;

describe('keeping the app up to date', () => {
  beforeEach(resetUpdateStateForTests);

  it('says a new version is ready when one is waiting, and does not reload by itself', async () => {
    const { wb } = fakeWorkbox({ waiting: someWorker });
    const { reload, ready } = connect(wb);
    await ready;
    wb.fire('waiting');
    expect(getUpdateState().updateReady).toBe(true);
    wb.fire('controlling');
    expect(reload).not.toHaveBeenCalled();
    expect(wb.messageSkipWaiting).not.toHaveBeenCalled();
  });

  it('lets the waiting version take over when the person presses Update, then reloads once it controls the page', async () => {
    const { wb } = fakeWorkbox({ waiting: someWorker });
    const { reload, ready } = connect(wb);
    await ready;
    wb.fire('waiting');
    applyUpdate();
    expect(wb.messageSkipWaiting).toHaveBeenCalledTimes(1);
    expect(reload).not.toHaveBeenCalled();
    wb.fire('controlling');
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('just reloads on Update when another tab already switched to the new version', async () => {
    const { wb } = fakeWorkbox({ waiting: null });
    const { reload, ready } = connect(wb);
    await ready;
    applyUpdate();
    expect(wb.messageSkipWaiting).not.toHaveBeenCalled();
    expect(reload).toHaveBeenCalledTimes(1);
  });

  it('says the app is ready offline after the first install, but not after an update', async () => {
    const { wb } = fakeWorkbox();
    const { ready } = connect(wb);
    await ready;
    wb.fire('installed', { isUpdate: true });
    expect(getUpdateState().offlineReady).toBe(false);
    wb.fire('installed', { isUpdate: false });
    expect(getUpdateState().offlineReady).toBe(true);
  });

  it('checks for a new version on start and every hour while online, and not while offline', async () => {
    const online = fakeWorkbox();
    const whileOnline = connect(online.wb, true);
    await whileOnline.ready;
    expect(online.wb.update).toHaveBeenCalledTimes(1);
    whileOnline.checkHourly();
    expect(online.wb.update).toHaveBeenCalledTimes(2);

    const offline = fakeWorkbox();
    const whileOffline = connect(offline.wb, false);
    await whileOffline.ready;
    whileOffline.checkHourly();
    expect(offline.wb.update).not.toHaveBeenCalled();
  });
});
