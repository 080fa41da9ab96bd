// The push/pull protocol as a phone sees it, on SQLite and PostgreSQL.
import { randomUUID } from 'node:crypto';

import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';

import { checkin, deleteRecord, pullAll, pullPage, push, putCheckin, registerDevice } from './helpers/api.ts';
import { DIALECTS } from './helpers/databases.ts';
import { serverForBlock } from './helpers/server.ts';

describe.each(DIALECTS)('sync protocol on %s', (dialect) => {
  const server = serverForBlock(dialect);
  let app: FastifyInstance;
  beforeAll(() => {
    app = server.app;
  });

  it('stores a pushed check-in and gives it back on pull', async () => {
    const phone = await registerDevice(app);
    const record = checkin({ mood: 5, note: 'good day' });
    const res = await push(app, phone, [putCheckin(1, record)]);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ lastSeq: 1 });
    const pulled = await pullAll(app, phone);
    expect(pulled.lastSeq).toBe(1);
    expect(pulled.changes).toHaveLength(1);
    expect(pulled.changes[0]).toMatchObject({ kind: 'checkin', id: record.id, deleted: false, record });
  });

  it('treats a retried push as harmless: each mutation is applied once', async () => {
    const phone = await registerDevice(app);
    const a = checkin({ mood: 1 });
    const batch = [putCheckin(1, a), putCheckin(2, { ...a, mood: 2 })];
    expect((await push(app, phone, batch)).json()).toEqual({ lastSeq: 2 });
    expect((await push(app, phone, batch)).json()).toEqual({ lastSeq: 2 });
    // A retry that overlaps old and new mutations applies only the new one.
    expect((await push(app, phone, [...batch, putCheckin(3, { ...a, mood: 3 })])).json()).toEqual({ lastSeq: 3 });
    const pulled = await pullAll(app, phone);
    expect(pulled.changes).toHaveLength(1);
    expect(pulled.changes[0].record).toMatchObject({ mood: 3 });
  });

  it('keeps the last of several edits to one record made in a single push, and each record once in the feed', async () => {
    const phone = await registerDevice(app);
    const edited = checkin({ mood: 1 });
    const removed = checkin({ mood: 2 });
    const other = checkin({ mood: 3 });
    const res = await push(app, phone, [
      putCheckin(1, edited), putCheckin(2, removed), putCheckin(3, { ...edited, mood: 4, note: 'changed my mind' }),
      deleteRecord(4, removed.id), putCheckin(5, other), putCheckin(6, { ...edited, mood: 5, note: 'final answer' }),
    ]);
    expect(res.json()).toEqual({ lastSeq: 6 });
    const pulled = await pullAll(app, phone);
    // Feed order is the order of each record's last edit in the push.
    expect(pulled.changes.map((c) => [c.id, c.deleted, c.record?.mood])).toEqual([
      [removed.id, true, undefined], [other.id, false, 3], [edited.id, false, 5],
    ]);
    expect(pulled.changes[2].record).toMatchObject({ note: 'final answer' });
    // A later edit to one of them still moves it to the end of the feed.
    const before = pulled.cursor;
    await push(app, phone, [putCheckin(7, { ...removed, mood: 1 }), putCheckin(8, { ...removed, mood: 2 })]);
    const after = await pullAll(app, phone, before);
    expect(after.changes.map((c) => [c.id, c.deleted, c.record?.mood])).toEqual([[removed.id, false, 2]]);
  });

  it('refuses a push that skips a seq with 409 and writes nothing', async () => {
    const phone = await registerDevice(app);
    await push(app, phone, [putCheckin(1, checkin())]);
    const res = await push(app, phone, [putCheckin(3, checkin())]);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: 'seq-gap', lastSeq: 1 });
    expect((await pullAll(app, phone)).changes).toHaveLength(1);
  });

  it('refuses a push for another deviceId with 403', async () => {
    const phone = await registerDevice(app);
    const other = await registerDevice(app);
    const res = await push(app, phone, [putCheckin(1, checkin())], other.deviceId);
    expect(res.statusCode).toBe(403);
    expect((await pullAll(app, phone)).changes).toHaveLength(0);
    expect((await pullAll(app, other)).changes).toHaveLength(0);
  });

  it("never overwrites another person's record: the whole push is refused with 403", async () => {
    const alice = await registerDevice(app);
    const mallory = await registerDevice(app);
    const secret = checkin({ note: "alice's note" });
    await push(app, alice, [putCheckin(1, secret)]);
    const mine = checkin();
    const res = await push(app, mallory, [putCheckin(1, mine), putCheckin(2, { ...secret, note: 'overwritten' })]);
    expect(res.statusCode).toBe(403);
    // It names the one mutation, so a phone can set that change aside and send the rest.
    expect(res.json()).toMatchObject({ error: 'forbidden', field: 'mutations.1.id' });
    expect((await push(app, mallory, [deleteRecord(1, secret.id)])).statusCode).toBe(403);
    const alicesView = await pullAll(app, alice);
    expect(alicesView.changes.map((c) => c.record)).toEqual([secret]);
    const mallorysView = await pullAll(app, mallory);
    expect(mallorysView.changes).toHaveLength(0);
    expect(mallorysView.lastSeq).toBe(0);
  });

  it('sends deletes as tombstones to devices that already had the record', async () => {
    const phone = await registerDevice(app);
    const record = checkin();
    await push(app, phone, [putCheckin(1, record)]);
    const before = await pullAll(app, phone);
    await push(app, phone, [deleteRecord(2, record.id)]);
    const after = await pullAll(app, phone, before.cursor);
    expect(after.changes).toEqual([{ kind: 'checkin', id: record.id, version: expect.any(Number), deleted: true, record: null }]);
    expect(after.changes[0].version).toBeGreaterThan(before.cursor);
  });

  it('pages through changes in version order with hasMore', async () => {
    const phone = await registerDevice(app);
    const records = Array.from({ length: 7 }, (_, i) => checkin({ mood: ((i % 5) + 1) as 1 }));
    await push(app, phone, records.map((r, i) => putCheckin(i + 1, r)));
    const seen: string[] = [];
    let cursor = 0;
    const pages: boolean[] = [];
    for (;;) {
      const page = await pullPage(app, phone, cursor, 3);
      seen.push(...page.changes.map((c) => c.id));
      pages.push(page.hasMore);
      const versions = page.changes.map((c) => c.version);
      expect(versions).toEqual([...versions].sort((a, b) => a - b));
      cursor = page.cursor;
      if (!page.hasMore) break;
    }
    expect(pages).toEqual([true, true, false]);
    expect(seen).toEqual(records.map((r) => r.id));
  });

  it('lets a second phone join with a one-time link code and see the same records', async () => {
    const first = await registerDevice(app);
    const record = checkin({ note: 'from my first phone' });
    await push(app, first, [putCheckin(1, record)]);
    const codeRes = await app.inject({ method: 'POST', url: '/api/v1/devices/link-codes', headers: { authorization: `Bearer ${first.token}` } });
    expect(codeRes.statusCode).toBe(201);
    const { code } = codeRes.json();
    const second = await registerDevice(app, code.toLowerCase());
    expect((await pullAll(app, second)).changes.map((c) => c.record)).toEqual([record]);
    // The code works once only.
    const again = await app.inject({ method: 'POST', url: '/api/v1/devices', payload: { linkCode: code } });
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ error: 'link-code-rejected', field: 'linkCode' });
  });

  it('converges on the last write in server apply order when two phones edit one record', async () => {
    const first = await registerDevice(app);
    const { code } = (await app.inject({ method: 'POST', url: '/api/v1/devices/link-codes', headers: { authorization: `Bearer ${first.token}` } })).json();
    const second = await registerDevice(app, code);
    const record = checkin({ mood: 1 });
    await push(app, first, [putCheckin(1, record)]);
    await push(app, second, [putCheckin(1, { ...record, mood: 4, note: 'second phone, applied later' })]);
    for (const phone of [first, second]) {
      const changes = (await pullAll(app, phone)).changes;
      expect(changes).toHaveLength(1);
      expect(changes[0].record).toMatchObject({ mood: 4, note: 'second phone, applied later' });
    }
  });

  it('rejects an invalid record with 400 naming the field, and writes nothing', async () => {
    const phone = await registerDevice(app);
    const bad = { ...putCheckin(1, checkin()), record: { ...checkin(), mood: 9 } };
    bad.id = (bad.record as { id: string }).id;
    const res = await push(app, phone, [bad]);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'invalid', field: 'mutations.0.record.mood' });
    expect((await pullAll(app, phone)).lastSeq).toBe(0);
  });

  it('answers 401 to an unknown token and to a revoked device', async () => {
    const { revokeDevice } = await import('../../src/server/admin/devices.ts');
    const phone = await registerDevice(app);
    expect((await push(app, phone, [])).statusCode).toBe(200);
    expect(await revokeDevice(app.store, phone.deviceId)).toBe(true);
    expect((await push(app, phone, [putCheckin(1, checkin())])).statusCode).toBe(401);
    const res = await app.inject({ method: 'GET', url: '/api/v1/sync/pull', headers: { authorization: `Bearer ${'A'.repeat(43)}` } });
    expect(res.statusCode).toBe(401);
    expect(await revokeDevice(app.store, randomUUID())).toBe(false);
  });

  it('tells a phone whose cursor is ahead of the server (restored backup) to start over with 410', async () => {
    const phone = await registerDevice(app);
    const res = await app.inject({ method: 'GET', url: '/api/v1/sync/pull?cursor=999999999', headers: { authorization: `Bearer ${phone.token}` } });
    expect(res.statusCode).toBe(410);
    expect(res.json()).toMatchObject({ error: 'reset' });
  });

  it('reports health with the database in use', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true, db: dialect, database: 'reachable', storage: 'ok' });
  });
});
