import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('../../../src/app/sync/syncClient.ts', () => ({ syncNow: vi.fn(async () => 'ok') }));

const { syncNow } = await import('../../../src/app/sync/syncClient.ts');
const { startSync } = await import('../../../src/app/sync/schedule.ts');
const { saveRecord } = await import('../../../src/app/data/records.ts');
const { db } = await import('../../../src/app/data/db.ts');

let stop: () => void;

beforeEach(async () => {
  await db.open();
  await Promise.all(db.tables.map((t) => t.clear()));
  vi.mocked(syncNow).mockClear();
  // Only the sync timers are faked; the database keeps its own scheduling.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  stop = startSync();
});

afterEach(() => {
  stop();
  vi.useRealTimers();
});

describe('when sync runs', () => {
  it('runs once on start', () => {
    expect(syncNow).toHaveBeenCalledTimes(1);
  });

  it('runs when the phone comes back online and when the app is looked at again', () => {
    window.dispatchEvent(new Event('online'));
    expect(syncNow).toHaveBeenCalledTimes(2);
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    expect(syncNow).toHaveBeenCalledTimes(3);
  });

  it('runs about two seconds after a local change, once for a burst of changes', async () => {
    const now = new Date().toISOString();
    const record = { id: crypto.randomUUID(), at: now, mood: 3 as const, hard: [], good: [], feelings: [], note: '', sharedWithPa: false, updatedAt: now };
    await saveRecord('checkin', record);
    await saveRecord('checkin', { ...record, mood: 4 as const });
    vi.advanceTimersByTime(1_900);
    expect(syncNow).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(200);
    expect(syncNow).toHaveBeenCalledTimes(2);
  });

  it('runs every minute while online, and stops when asked', () => {
    vi.advanceTimersByTime(60_000);
    expect(syncNow).toHaveBeenCalledTimes(2);
    stop();
    vi.advanceTimersByTime(120_000);
    window.dispatchEvent(new Event('online'));
    expect(syncNow).toHaveBeenCalledTimes(2);
  });
});
