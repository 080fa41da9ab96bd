import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';

import { AppDatabase } from '../../../src/app/data/db.ts';

// Phones keep databases made by earlier releases; today's single schema block must open them without losing a thing.
const EARLIER_RELEASES: { version: number; stores: Record<string, string> }[] = [
  { version: 1, stores: { checkins: 'id, at', ons4: 'id, at', outbox: '++seq, [kind+id]', meta: 'key' } },
  { version: 2, stores: { services: 'id', favourites: 'id', safetyPlan: 'id' } },
  { version: 3, stores: { appointments: 'id, startsAt' } },
  { version: 4, stores: { shareQueue: '++n' } },
];

/** The database as the release that shipped `upTo` declared it (each release added its block to the ones before). */
function asReleased(name: string, upTo: number): Dexie {
  const old = new Dexie(name);
  for (const { version, stores } of EARLIER_RELEASES.filter((r) => r.version <= upTo)) old.version(version).stores(stores);
  return old;
}

describe('opening a database an earlier release made', () => {
  for (const upTo of [1, 2, 3, 4]) {
    it(`keeps every record from version ${upTo} and gains the later tables`, async () => {
      const name = `upgrade-from-${upTo}-${crypto.randomUUID()}`;
      const old = asReleased(name, upTo);
      await old.open();
      await old.table('checkins').add({ id: 'example-checkin', at: '2026-11-01T09:00:00Z', mood: 4 });
      await old.table('outbox').add({ kind: 'checkin', op: 'put', id: 'example-checkin', clientTime: '2026-11-01T09:00:00Z' });
      await old.table('meta').put({ key: 'deviceId', value: 'example-device' });
      old.close();

      const current = new AppDatabase(name);
      await current.open();
      expect(await current.checkins.get('example-checkin')).toMatchObject({ mood: 4 });
      expect(await current.outbox.toArray()).toEqual([expect.objectContaining({ seq: 1, id: 'example-checkin' })]);
      expect(await current.meta.get('deviceId')).toEqual({ key: 'deviceId', value: 'example-device' });
      // The later tables exist and work, with their indexes.
      await current.appointments.put({ id: 'example-appointment', startsAt: '2026-12-01T10:00:00Z' } as never);
      expect(await current.appointments.where('startsAt').above('2026-11-30').primaryKeys()).toEqual(['example-appointment']);
      expect(await current.paRequests.count()).toBe(0);
      expect(await current.services.count()).toBe(0);
      expect(current.tables.map((t) => t.name).sort()).toEqual(
        ['appointments', 'checkins', 'favourites', 'goals', 'heldWhileLocked', 'meta', 'ons4', 'outbox', 'paRequests', 'refusedChanges', 'safetyPlan', 'services'],
      );
      current.close();
    });
  }
});

describe('opening a release 4 database whose share queue still held requests', () => {
  it('moves a waiting request into the outbox and the phone\'s requests, in order, and drops the old queue', async () => {
    const name = `upgrade-share-queue-${crypto.randomUUID()}`;
    const old = asReleased(name, 4);
    await old.open();
    const call = crypto.randomUUID();
    const travel = crypto.randomUUID();
    await old.table('outbox').add({ kind: 'checkin', op: 'put', id: 'example-checkin', clientTime: '2026-11-01T09:00:00Z' });
    await old.table('shareQueue').add({ action: 'share', id: call, body: { kind: 'request', id: call, request: 'call-me', about: '', at: '2026-11-01T09:01:00.000Z' } });
    await old.table('shareQueue').add({ action: 'share', id: 'example-checkin', body: { kind: 'checkin', record: { id: 'example-checkin' } } });
    await old.table('shareQueue').add({ action: 'share', id: travel, body: { kind: 'request', id: travel, request: 'travel-help', about: '', at: '2026-11-01T09:02:00.000Z' } });
    old.close();

    const current = new AppDatabase(name);
    await current.open();
    const outbox = await current.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => [e.kind, e.op, e.id])).toEqual([['checkin', 'put', 'example-checkin'], ['paRequest', 'put', call], ['paRequest', 'put', travel]]);
    expect(outbox[1].record).toMatchObject({ id: call, request: 'call-me', at: '2026-11-01T09:01:00.000Z', updatedAt: expect.any(String) });
    expect(outbox[1].record).not.toHaveProperty('kind');
    expect((await current.paRequests.toArray()).map((r) => r.request).sort()).toEqual(['call-me', 'travel-help']);
    expect(current.tables.map((t) => t.name)).not.toContain('shareQueue');
    current.close();
  });
});

describe('version 6: saved places and the safety plan are backed up', () => {
  it('gives each saved place and the plan an id of its own and queues them for their first backup', async () => {
    const name = `upgrade-personal-${crypto.randomUUID()}`;
    const old = asReleased(name, 4);
    await old.open();
    await old.table('favourites').bulkAdd([{ id: 'example-service-1', savedAt: '2026-11-01T09:00:00Z' }, { id: 'example-service-2', savedAt: '2026-11-02T09:00:00Z' }]);
    await old.table('safetyPlan').put({ id: 'mine', updatedAt: '2026-11-03T09:00:00Z', warningSigns: 'Example: not sleeping' });
    old.close();

    const current = new AppDatabase(name);
    await current.open();
    const favourites = (await current.favourites.toArray()).sort((a, b) => a.serviceId.localeCompare(b.serviceId));
    expect(favourites.map((f) => f.serviceId)).toEqual(['example-service-1', 'example-service-2']);
    for (const f of favourites) expect(f.id).toMatch(/^[0-9a-f-]{36}$/);
    const plans = await current.safetyPlan.toArray();
    expect(plans).toEqual([expect.objectContaining({ warningSigns: 'Example: not sleeping', updatedAt: '2026-11-03T09:00:00Z' })]);
    expect(plans[0].id).toMatch(/^[0-9a-f-]{36}$/);
    const outbox = await current.outbox.toArray();
    expect(outbox.map((e) => [e.kind, e.op, e.id])).toEqual([
      ['favourite', 'put', favourites.find((f) => f.serviceId === 'example-service-1')!.id],
      ['favourite', 'put', favourites.find((f) => f.serviceId === 'example-service-2')!.id],
      ['safetyPlan', 'put', plans[0].id],
    ]);
    current.close();
  });
});
