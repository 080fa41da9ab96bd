import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../src/app/data/db.ts';
import { flushShareQueue, queueShare, queueUnshare } from '../../../src/app/features/sharing/queue.ts';
import { clearLocalShareFlags } from '../../../src/app/features/sharing/status.ts';
import { META } from '../../../src/app/sync/syncClient.ts';
import type { Checkin } from '../../../src/shared/checkins.ts';

const at = '2026-11-20T10:00:00.000Z';
const checkin = (over: Partial<Checkin> = {}): Checkin => ({
  id: crypto.randomUUID(), at, mood: 2, hard: [], good: [], feelings: [], note: '', sharedWithPa: true, updatedAt: at, ...over,
});
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const notConnected = { connected: false, monitoring: false };

describe('the share queue on the phone', () => {
  beforeEach(async () => {
    await Promise.all([db.shareQueue.clear(), db.checkins.clear(), db.outbox.clear(), db.meta.clear()]);
    await db.meta.put({ key: META.identity, value: { deviceId: crypto.randomUUID(), token: 'x'.repeat(43) } });
  });
  afterEach(() => vi.unstubAllGlobals());

  it('keeps a share made offline and sends it when back online', async () => {
    const record = checkin();
    await queueShare({ kind: 'checkin', record }, record.id);
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    expect(await flushShareQueue()).toBeNull();
    expect(await db.shareQueue.count()).toBe(1);

    const sent: { method: string; url: string; body: unknown }[] = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
      sent.push({ method: String(init.method), url, body: init.body ? JSON.parse(String(init.body)) : undefined });
      if (url.endsWith('/my-pa/shares')) return json(201, { id: record.id, outOfHours: true, likelySeenFrom: '2026-11-23T09:00:00.000Z' });
      return json(200, notConnected);
    }));
    expect(await flushShareQueue()).toEqual({ id: record.id, outOfHours: true, likelySeenFrom: '2026-11-23T09:00:00.000Z' });
    expect(sent[0]).toMatchObject({ method: 'POST', url: '/api/v1/my-pa/shares', body: { kind: 'checkin', record: { id: record.id, mood: 2 } } });
    expect(await db.shareQueue.count()).toBe(0);
  });

  it('sends a share and a later unshare in the order they were made', async () => {
    const record = checkin();
    await queueShare({ kind: 'checkin', record }, record.id);
    await queueUnshare(record.id);
    const calls: string[] = [];
    vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit) => {
      calls.push(`${init.method} ${url}`);
      return url.endsWith('/my-pa') ? json(200, notConnected) : json(200, {});
    }));
    await flushShareQueue();
    expect(calls.slice(0, 2)).toEqual(['POST /api/v1/my-pa/shares', `DELETE /api/v1/my-pa/shares/${record.id}`]);
  });

  it('drops a share the server refuses for good (no PA connected) instead of retrying it forever', async () => {
    const record = checkin();
    await queueShare({ kind: 'checkin', record }, record.id);
    vi.stubGlobal('fetch', vi.fn(async (url: string) => (url.endsWith('/my-pa') ? json(200, notConnected) : json(409, { error: 'not-connected' }))));
    await flushShareQueue();
    expect(await db.shareQueue.count()).toBe(0);
  });

  it('marks every check-in as not shared after disconnecting, through the synced write path', async () => {
    const shared = checkin();
    await db.checkins.put(shared);
    await clearLocalShareFlags();
    expect((await db.checkins.get(shared.id))?.sharedWithPa).toBe(false);
    expect(await db.outbox.where('[kind+id]').equals(['checkin', shared.id]).count()).toBe(1);
  });
});
