// Pushes racing each other and a pull running alongside: versions commit in order (the locked sync_meta row),
// so a puller never skips a change, and racing retries of one batch apply it once. Real concurrency on PostgreSQL.
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';

import type { Checkin } from '../../src/shared/checkins.ts';
import { auth, checkin, type Device, pullAll, pullPage, push, putCheckin, registerDevice } from './helpers/api.ts';
import { DIALECTS } from './helpers/databases.ts';
import { serverForBlock } from './helpers/server.ts';

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
