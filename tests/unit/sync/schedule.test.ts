import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { aCheckin } from '../../builders/checkin.ts';

vi.mock('../../../src/app/sync/syncClient.ts', () => ({ syncNow: vi.fn(async () => 'ok'), sendBeforeLock: vi.fn(async () => undefined) }));

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
    const record = aCheckin({ at: now });
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

  it('after a failed round tries again in 2 s, then 4, 8… up to a minute, and back to normal once it works', async () => {
    vi.mocked(syncNow).mockResolvedValue('failed');
    const calls = () => vi.mocked(syncNow).mock.calls.length;
    stop();
    vi.mocked(syncNow).mockClear();
    stop = startSync();
    const waits: number[] = [];
    for (let i = 0; i < 8; i++) {
      const before = calls();
      // Let the failed round's answer arrive, then find how long until the next try.
      await vi.waitFor(() => expect(vi.getTimerCount()).toBeGreaterThan(1));
      let waited = 0;
      while (calls() === before) {
        vi.advanceTimersByTime(1_000);
        waited += 1_000;
      }
      waits.push(waited);
    }
    // Tries at 2, 6, 14 and 30 s; the minute's own round (at 60 s) comes before the 32 s wait ends and counts as a
    // try too; after that the waits stay at most a minute.
    expect(waits.slice(0, 4)).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(Math.max(...waits.slice(4))).toBeLessThanOrEqual(60_000);
    vi.mocked(syncNow).mockResolvedValue('ok');
  });
});
