import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { db } from '../../../src/app/data/db.ts';
import { META } from '../../../src/app/data/meta.ts';
import { deleteRecord, saveRecord } from '../../../src/app/data/records.ts';
import { PUSH_BATCH_SIZE, syncNow } from '../../../src/app/sync/syncClient.ts';
import type { Checkin } from '../../../src/shared/checkins.ts';
import { aCheckin } from '../../builders/checkin.ts';
import { urlOf } from '../helpers/fetchCalls.ts';
import { FakeSyncServer } from './fakeServer.ts';

let server: FakeSyncServer;

const checkin = (mood: Checkin['mood'], note = ''): Checkin => aCheckin({ mood, note });

const meta = async (key: string) => (await db.meta.get(key))?.value;

beforeEach(async () => {
  await db.open();
  await Promise.all(db.tables.map((t) => t.clear()));
  server = new FakeSyncServer();
  vi.stubGlobal('fetch', server.fetch);
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('sync client', () => {
  it('registers this phone on first sync and keeps its identity', async () => {
    await saveRecord('checkin', checkin(4));
    expect(await syncNow()).toBe('ok');
    const identity = (await meta(META.identity)) as { deviceId: string; token: string };
    expect(server.devices.has(identity.deviceId)).toBe(true);
    await syncNow();
    expect(server.devices.size).toBe(1);
  });

  it('sends the outbox and empties it once the server acknowledges', async () => {
    const a = checkin(2);
    await saveRecord('checkin', a);
    await saveRecord('checkin', { ...a, mood: 3 });
    await saveRecord('checkin', checkin(5));

    expect(await syncNow()).toBe('ok');
    expect(await db.outbox.count()).toBe(0);
    expect(server.pushes.flat().map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(server.changes.find((c) => c.id === a.id)?.record).toMatchObject({ mood: 3 });
    expect(await meta(META.lastSyncOk)).toBe(true);
  });

  it('keeps a check-in made offline and sends it when back online', async () => {
    server.offline = true;
    const c = checkin(1, 'no signal here');
    await saveRecord('checkin', c);
    expect(await syncNow()).toBe('failed');
    expect(await db.outbox.count()).toBe(1);
    expect(await meta(META.lastSyncOk)).toBe(false);

    server.offline = false;
    expect(await syncNow()).toBe('ok');
    expect(await db.outbox.count()).toBe(0);
    expect(server.changes.map((ch) => ch.record)).toEqual([expect.objectContaining({ note: 'no signal here' })]);
  });

  it('sends at once when the phone comes online just as a round that found it offline is finishing', async () => {
    await saveRecord('checkin', checkin(2, 'made with no signal'));
    Object.defineProperty(navigator, 'onLine', { value: false, configurable: true });
    // While the offline round writes its outcome, signal comes back and the online event asks for a round.
    const writeOutcome = db.meta.bulkPut.bind(db.meta);
    const bulkPut = vi.spyOn(db.meta, 'bulkPut').mockImplementationOnce((...args: Parameters<typeof db.meta.bulkPut>) => {
      Object.defineProperty(navigator, 'onLine', { value: true, configurable: true });
      void syncNow();
      return writeOutcome(...args);
    });
    try {
      expect(await syncNow()).toBe('ok');
      expect(bulkPut).toHaveBeenCalled();
      expect(await db.outbox.count()).toBe(0);
      expect(server.changes.map((ch) => ch.record)).toEqual([expect.objectContaining({ note: 'made with no signal' })]);
    } finally {
      Object.defineProperty(navigator, 'onLine', { value: true, configurable: true });
      bulkPut.mockRestore();
    }
  });

  it('keeps everything in the outbox when the server has trouble', async () => {
    await syncNow();
    await saveRecord('checkin', checkin(3));
    server.failNextPush = 500;
    expect(await syncNow()).toBe('failed');
    expect(await db.outbox.count()).toBe(1);
    expect(await syncNow()).toBe('ok');
    expect(await db.outbox.count()).toBe(0);
  });

  it(`pushes in batches of at most ${PUSH_BATCH_SIZE}`, async () => {
    for (let i = 0; i < 120; i++) await saveRecord('checkin', checkin(3));
    expect(await syncNow()).toBe('ok');
    expect(server.pushes.map((p) => p.length)).toEqual([50, 50, 20]);
    expect(server.changes).toHaveLength(120);
    expect(await db.outbox.count()).toBe(0);
  });

  it('saves pulled changes and the new cursor, across several pages', async () => {
    await syncNow();
    server.pullPageSize = 2;
    const fromOtherPhone = [checkin(4), checkin(5), checkin(2)];
    for (const c of fromOtherPhone) server.addChange('checkin', c.id, c);
    const serviceId = crypto.randomUUID();
    server.addChange('service', serviceId, { id: serviceId, name: 'Example Drop-in 0042' });

    expect(await syncNow()).toBe('ok');
    expect((await db.checkins.toArray()).map((c) => c.id).sort()).toEqual(fromOtherPhone.map((c) => c.id).sort());
    expect(await meta(META.cursor)).toBe(server.version);
    expect(await db.table('services').get(serviceId)).toMatchObject({ name: 'Example Drop-in 0042' });
  });

  it('removes a record deleted on another phone', async () => {
    const c = checkin(4);
    await saveRecord('checkin', c);
    await syncNow();
    server.addChange('checkin', c.id, null);
    await syncNow();
    expect(await db.checkins.get(c.id)).toBeUndefined();
  });

  it('puts local changes not yet sent back on top of what was pulled', async () => {
    const c = checkin(2, 'first');
    await saveRecord('checkin', c);
    await syncNow();
    // Another phone changes it, while this phone (offline) changes it too and deletes another one.
    const other = checkin(3);
    server.addChange('checkin', c.id, { ...c, note: 'from the other phone' });
    server.addChange('checkin', other.id, other);
    server.failNextPush = 503;
    await saveRecord('checkin', { ...c, note: 'mine, not sent yet' });
    await deleteRecord('checkin', other.id);

    // The push fails but the pull still runs: the other phone's versions arrive under our pending edits.
    expect(await syncNow()).toBe('failed');
    expect(await meta(META.cursor)).toBe(server.version);
    expect((await db.checkins.get(c.id))?.note).toBe('mine, not sent yet');
    expect(await db.checkins.get(other.id)).toBeUndefined();
    expect(await db.outbox.count()).toBe(2);

    // And once sent, the server agrees with the phone.
    expect(await syncNow()).toBe('ok');
    expect(server.changes.find((ch) => ch.id === c.id)?.record).toMatchObject({ note: 'mine, not sent yet' });
    expect(server.changes.find((ch) => ch.id === other.id)?.deleted).toBe(true);
  });

  it('starts again as a new device when the server no longer knows this phone, renumbering the outbox', async () => {
    await saveRecord('checkin', checkin(3));
    await syncNow();
    const first = (await meta(META.identity)) as { deviceId: string };
    server.devices.get(first.deviceId)!.revoked = true;
    await saveRecord('checkin', checkin(4, 'after removal'));
    await saveRecord('checkin', checkin(5));

    expect(await syncNow()).toBe('ok');
    const second = (await meta(META.identity)) as { deviceId: string };
    expect(second.deviceId).not.toBe(first.deviceId);
    // The new identity's numbering starts at 1 again, without gaps.
    expect(server.pushes.at(-1)!.map((m) => m.seq)).toEqual([1, 2]);
    expect(server.devices.get(second.deviceId)!.lastSeq).toBe(2);
    expect(await db.outbox.count()).toBe(0);

    // New local writes after renumbering continue the new numbering.
    await saveRecord('checkin', checkin(2));
    expect(await syncNow()).toBe('ok');
    expect(server.pushes.at(-1)!.map((m) => m.seq)).toEqual([3]);
  });

  it('sets aside a change the server refuses, with nothing else held up, and says so', async () => {
    const before = checkin(2);
    const refused = checkin(3, 'a note a stricter server will not take');
    const after = checkin(4);
    await saveRecord('checkin', before);
    await saveRecord('checkin', refused);
    await saveRecord('checkin', after);
    server.refuseIds.add(refused.id);

    expect(await syncNow()).toBe('ok');
    // Everything else reached the server, numbered without the refused one.
    expect(server.changes.map((c) => c.id)).toEqual([before.id, after.id]);
    expect(server.pushes.at(-1)!.map((m) => m.seq)).toEqual([1, 2]);
    expect(await db.outbox.count()).toBe(0);
    expect(await db.refusedChanges.toArray()).toEqual([expect.objectContaining({ kind: 'checkin', op: 'put', id: refused.id })]);
    // The phone still has it, and later changes keep flowing.
    expect(await db.checkins.get(refused.id)).toMatchObject({ note: 'a note a stricter server will not take' });
    const later = checkin(5);
    await saveRecord('checkin', later);
    expect(await syncNow()).toBe('ok');
    expect(server.changes.map((c) => c.id)).toContain(later.id);
  });

  it('wipes this phone and never registers again when the server says it was signed out', async () => {
    await saveRecord('checkin', checkin(2, 'private words'));
    await syncNow();
    const first = (await meta(META.identity)) as { deviceId: string };
    server.devices.get(first.deviceId)!.signedOut = true;
    await saveRecord('checkin', checkin(4, 'written after the restore elsewhere'));

    expect(await syncNow()).toBe('signed-out');
    expect(await db.checkins.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    expect(await meta(META.identity)).toBeUndefined();
    expect(await meta('signedOut')).toBeDefined();
    // Later rounds (timer, coming online) do not make a new person for this phone.
    expect(await syncNow()).toBe('signed-out');
    expect(server.devices.size).toBe(1);
  });

  it('continues the server numbering after a gap (409)', async () => {
    await saveRecord('checkin', checkin(3));
    await syncNow();
    const { deviceId } = (await meta(META.identity)) as { deviceId: string };
    // As if the server was restored from a backup that predates our last push.
    server.devices.get(deviceId)!.lastSeq = 0;
    await db.meta.put({ key: META.ackedSeq, value: 5 });
    await saveRecord('checkin', checkin(4, 'after restore'));

    expect(await syncNow()).toBe('ok');
    expect(await db.outbox.count()).toBe(0);
    expect(server.devices.get(deviceId)!.lastSeq).toBe(1);
    expect(server.changes.some((c) => c.record?.note === 'after restore')).toBe(true);
  });

  it('reads everything again when the server was restored from an older backup (410)', async () => {
    server.addChange('checkin', crypto.randomUUID(), { ...checkin(5, 'kept on the server') });
    await db.meta.put({ key: META.cursor, value: 99 });

    expect(await syncNow()).toBe('ok');
    expect(await meta(META.cursor)).toBe(1);
    expect((await db.checkins.toArray()).map((c) => c.note)).toEqual(['kept on the server']);
  });

  it('does not resend what the server already has when an answer was lost', async () => {
    await syncNow();
    await saveRecord('checkin', checkin(3));
    await saveRecord('checkin', checkin(4));
    const { deviceId } = (await meta(META.identity)) as { deviceId: string };
    // The server applied seq 1 and 2 but the phone never heard back.
    const realFetch = server.fetch;
    let lost = false;
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await realFetch(input, init);
      if (!lost && urlOf(input).includes('/sync/push')) {
        lost = true;
        throw new TypeError('connection dropped');
      }
      return response;
    });
    expect(await syncNow()).toBe('failed');
    expect(await db.outbox.count()).toBe(2);
    expect(await syncNow()).toBe('ok');
    expect(await db.outbox.count()).toBe(0);
    expect(server.devices.get(deviceId)!.lastSeq).toBe(2);
    expect(server.changes).toHaveLength(2);
  });
});
