// Pushes racing each other and a pull running alongside: versions commit in order (the locked sync_meta row),
// so a puller never skips a change, and racing retries of one batch apply it once. Real concurrency on PostgreSQL.
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';

import { followAppointments } from '../../src/server/reminders/feed.ts';
import type { Checkin } from '../../src/shared/checkins.ts';
import { auth, checkin, type Device, pullAll, pullPage, push, putCheckin, registerDevice } from './helpers/api.ts';
import { DIALECTS } from './helpers/databases.ts';
import { serverForBlock } from './helpers/server.ts';
import { appointment } from './reminders-push-service.ts';

describe.each(DIALECTS)('concurrent sync on %s', (dialect) => {
  const server = serverForBlock(dialect);
  let app: FastifyInstance;
  beforeAll(() => {
    app = server.app;
  });

  async function linkedPhones(count: number): Promise<Device[]> {
    const first = await registerDevice(app);
    const phones = [first];
    for (let i = 1; i < count; i++) {
      const { code } = (await app.inject({ method: 'POST', url: '/api/v1/devices/link-codes', headers: auth(first) })).json();
      phones.push(await registerDevice(app, code));
    }
    return phones;
  }

  it('never lets a pull skip a change while four phones push at once', async () => {
    const phones = await linkedPhones(4);
    const written: Checkin[] = [];
    let pushing = true;
    const seen = new Map<string, number>();
    let cursor = 0;
    const puller = (async () => {
      while (pushing) {
        const page = await pullPage(app, phones[0], cursor, 13);
        for (const c of page.changes) seen.set(c.id, c.version);
        cursor = page.cursor;
        // Yield to the event loop, or this loop's promise chain could starve the pushes.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    await Promise.all(phones.map(async (phone) => {
      for (let batch = 0; batch < 15; batch++) {
        const records = Array.from({ length: 4 }, () => checkin());
        written.push(...records);
        const res = await push(app, phone, records.map((r, i) => putCheckin(batch * 4 + i + 1, r)));
        expect(res.statusCode).toBe(200);
      }
    }));
    pushing = false;
    await puller;
    const rest = await pullAll(app, phones[0], cursor);
    for (const c of rest.changes) seen.set(c.id, c.version);
    expect(seen.size).toBe(written.length);
    expect(new Set(seen.values()).size, 'every change has its own version').toBe(written.length);
  });

  it('never lets the reminders feed skip an appointment while four phones push at once', async () => {
    const phones = await linkedPhones(4);
    const now = new Date('2030-01-01T00:00:00Z');
    let pushing = true;
    // The scheduler's feed, read as fast as it can go while the appointments arrive (a check-in between each, so the
    // feed often finds no appointment and jumps ahead to the newest version: it must never jump past one).
    const follower = (async () => {
      while (pushing) {
        await followAppointments(app.store, now);
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const written: string[] = [];
    await Promise.all(phones.map(async (phone) => {
      for (let seq = 1; seq <= 30; seq += 2) {
        const booked = appointment({ reminders: [60] });
        written.push(booked.id);
        expect((await push(app, phone, [{ seq, kind: 'appointment', op: 'put', id: booked.id, record: booked, clientTime: booked.updatedAt }])).statusCode).toBe(200);
        expect((await push(app, phone, [putCheckin(seq + 1, checkin())])).statusCode).toBe(200);
      }
    }));
    pushing = false;
    await follower;
    while ((await followAppointments(app.store, now)) > 0);
    const followed = await app.store.db.selectFrom('due_reminders').select('appointment_id').execute();
    expect(new Set(followed.map((r) => r.appointment_id))).toEqual(new Set(written));
  });

  it('applies a batch once when retries of it race each other', async () => {
    const [phone] = await linkedPhones(1);
    const records = Array.from({ length: 10 }, () => checkin());
    const batch = records.map((r, i) => putCheckin(i + 1, r));
    const globalVersion = async () => Number((await app.store.db.selectFrom('sync_meta').select('version').executeTakeFirstOrThrow()).version);
    const before = await globalVersion();
    const answers = await Promise.all(Array.from({ length: 8 }, () => push(app, phone, batch)));
    for (const res of answers) expect(res.json()).toEqual({ lastSeq: 10 });
    const pulled = await pullAll(app, phone);
    expect(pulled.changes.map((c) => c.id)).toEqual(records.map((r) => r.id));
    // One application reserves ten versions; a second application of the same batch would reserve ten more.
    expect(await globalVersion()).toBe(before + 10);
  });
});
