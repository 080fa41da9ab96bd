// Requests and shares ride the one outbox: "Waiting to send" until the server acknowledges, then "Sent", then "Seen";
// the same request twice within a few minutes is one request; disconnecting withdraws requests and clears the flags.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { db } from '../../../src/app/data/db.ts';
import { askPa, deliveryOf, outOfHoursNow } from '../../../src/app/features/sharing/delivery.ts';
import { clearLocalShareFlags } from '../../../src/app/features/sharing/status.ts';
import { syncNow } from '../../../src/app/sync/syncClient.ts';
import type { Checkin } from '../../../src/shared/checkins.ts';
import { DEFAULT_WORKING_HOURS } from '../../../src/shared/sharing/schemas.ts';
import { FakeSyncServer } from '../sync/fakeServer.ts';

const at = '2026-11-20T10:00:00.000Z';
const checkin = (over: Partial<Checkin> = {}): Checkin => ({
  id: crypto.randomUUID(), at, mood: 2, hard: [], good: [], feelings: [], note: '', sharedWithPa: true, updatedAt: at, ...over,
});
const waitingIds = async () => new Set((await db.outbox.toArray()).map((e) => e.id));

describe('requests to my PA through the outbox', () => {
  let server: FakeSyncServer;
  beforeEach(async () => {
    await Promise.all(db.tables.map((t) => t.clear()));
    server = new FakeSyncServer();
    server.offline = true;
    vi.stubGlobal('fetch', server.fetch);
  });
  afterEach(() => vi.unstubAllGlobals());

  it('says "waiting" while the request is in the outbox, and "sent" only once the server has acknowledged it', async () => {
    const made = await askPa({ request: 'call-me' });
    await syncNow();
    expect(deliveryOf(made.id, await waitingIds(), null)).toBe('waiting');
    expect(await db.outbox.where('[kind+id]').equals(['paRequest', made.id]).count()).toBe(1);

    server.offline = false;
    expect(await syncNow()).toBe('ok');
    expect(deliveryOf(made.id, await waitingIds(), null)).toBe('sent');
    expect(server.pushes.flat().filter((m) => m.id === made.id)).toEqual([expect.objectContaining({ kind: 'paRequest', op: 'put', record: expect.objectContaining({ request: 'call-me' }) })]);
    expect(deliveryOf(made.id, await waitingIds(), '2026-11-20T11:00:00.000Z')).toBe('seen');
  });

  it('merges the same request made again within a few minutes, but not one made later or about something else', async () => {
    const now = new Date('2026-11-20T10:00:00.000Z');
    const first = await askPa({ request: 'call-me' }, now);
    const again = await askPa({ request: 'call-me' }, new Date(now.getTime() + 60_000));
    expect(again.id).toBe(first.id);
    const other = await askPa({ request: 'travel-help' }, new Date(now.getTime() + 60_000));
    expect(other.id).not.toBe(first.id);
    const later = await askPa({ request: 'call-me' }, new Date(now.getTime() + 10 * 60_000));
    expect(later.id).not.toBe(first.id);
    expect(await db.paRequests.count()).toBe(3);
    expect(await db.outbox.where('kind').equals('paRequest').count()).toBe(3);
  });

  it('after disconnecting, marks every check-in as not shared and withdraws requests, through the synced write path', async () => {
    const shared = checkin();
    await db.checkins.put(shared);
    const request = await askPa({ request: 'call-me' });
    await clearLocalShareFlags();
    expect((await db.checkins.get(shared.id))?.sharedWithPa).toBe(false);
    expect(await db.outbox.where('[kind+id]').equals(['checkin', shared.id]).count()).toBe(1);
    expect(await db.paRequests.count()).toBe(0);
    expect((await db.outbox.where('[kind+id]').equals(['paRequest', request.id]).toArray()).map((e) => e.op)).toEqual(['put', 'delete']);
  });

  it('knows when the PA is likely to see something sent out of hours, from the hours it last fetched', () => {
    const status = { connected: true as const, monitoring: false, paName: 'Example PA', workingHours: DEFAULT_WORKING_HOURS, shares: [] };
    // 2026-11-20 is a Friday: 10:00 in London is inside 09:00–17:00; Saturday is not, so Monday 09:00.
    expect(outOfHoursNow(status, new Date('2026-11-20T10:00:00.000Z'))).toBeNull();
    expect(outOfHoursNow(status, new Date('2026-11-21T10:00:00.000Z'))).toEqual({ likelySeenFrom: '2026-11-23T09:00:00.000Z' });
  });
});
