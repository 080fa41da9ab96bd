// Delete my data everywhere (issue 13, done-means 4), on SQLite and PostgreSQL: afterwards no row in ANY table of the
// schema (read generically, so a table added later is covered too) holds the person's id, their devices' ids, their
// name or their words; the PA's caseload shows nothing of theirs, only that someone stopped using the app; and their
// other phone is told 401 device-signed-out.
import { randomUUID } from 'node:crypto';

import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';

import { checkin, deleteRecord, type Device, pullAll, push, putCheckin, registerDevice } from './helpers/api.ts';
import { DIALECTS } from './helpers/databases.ts';
import { serverForBlock } from './helpers/server.ts';
import { asPhone, asStaff, connect, signedInStaff } from './sharing-helpers.ts';

describe.each(DIALECTS)('delete my data everywhere on %s', (dialect) => {
  const server = serverForBlock(dialect);
  let app: FastifyInstance;
  beforeAll(() => {
    app = server.app;
  });

  async function everyTable(): Promise<string[]> {
    const db = app.store.db;
    const rows = dialect === 'sqlite'
      ? (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%'`.execute(db)).rows
      : (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)).rows;
    return rows.map((r) => r.name);
  }

  /** Every row of every table, as text, that contains any of `needles`. */
  async function rowsMentioning(needles: string[]): Promise<string[]> {
    const found: string[] = [];
    for (const table of await everyTable()) {
      const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(app.store.db);
      for (const row of rows) {
        const text = JSON.stringify(row);
        if (needles.some((n) => text.includes(n))) found.push(`${table}: ${text}`);
      }
    }
    return found;
  }

  async function personOf(phone: Device): Promise<string> {
    const row = await app.store.db.selectFrom('devices').select('person_id').where('id', '=', phone.deviceId).executeTakeFirstOrThrow();
    return row.person_id;
  }

  /** A person with two phones, records and a tombstone, a PA, a shared check-in, monitoring, a recovery code and reminders. */
  async function someoneWithEverything(name: string) {
    const phone = await registerDevice(app);
    const code = (await asPhone(app, phone, { method: 'POST', url: '/api/v1/devices/link-codes' })).json().code;
    const otherPhone = await registerDevice(app, code);
    const personId = await personOf(phone);
    const pa = await signedInStaff(app, 'pa', 'Example Council Delete');
    await connect(app, phone, pa, name);
    const note = `example note ${randomUUID()}`;
    const kept = checkin({ note, sharedWithPa: true, shareNote: true });
    const gone = checkin({ note: 'example note to delete' });
    expect((await push(app, phone, [putCheckin(1, kept), putCheckin(2, gone), deleteRecord(3, gone.id)])).statusCode).toBe(200);
    expect((await asPhone(app, phone, { method: 'POST', url: '/api/v1/my-pa/shares', payload: { kind: 'checkin', record: kept } })).statusCode).toBe(201);
    expect((await asPhone(app, phone, { method: 'PUT', url: '/api/v1/my-pa/monitoring', payload: { optIn: true } })).statusCode).toBe(200);
    expect((await asPhone(app, phone, { method: 'POST', url: '/api/v1/recovery-code' })).statusCode).toBe(201);
    // The PA opens their page (an audit row naming them).
    expect((await asStaff(app, pa, { method: 'GET', url: `/api/v1/pa/people/${personId}` })).statusCode).toBe(200);
    // A push subscription and a due reminder, as the reminder feature stores them.
    const db = app.store.db;
    const now = new Date().toISOString();
    await db.insertInto('push_subscriptions').values({
      id: randomUUID(), device_id: otherPhone.deviceId, person_id: personId, endpoint: 'https://push.example.test/x', p256dh: 'x', auth: 'x',
      language: 'en', words: '{}', created_at: now,
    }).execute();
    await db.insertInto('due_reminders').values({
      id: `${randomUUID()}|60|${now}`, person_id: personId, appointment_id: randomUUID(), minutes_before: 60, starts_at: now, due_at: now,
      state: 'pending', claimed_at: null, sent_at: null, attempts: 0,
    }).execute();
    return { phone, otherPhone, personId, pa, note };
  }

  it('leaves no row referencing the person in any table, shows the PA only "stopped using the app", and signs out their other phone', async () => {
    const them = await someoneWithEverything('Example Person To Delete');
    const bystander = await someoneWithEverything('Example Person Who Stays');
    const needles = [them.personId, them.phone.deviceId, them.otherPhone.deviceId, 'Example Person To Delete', them.note];
    expect((await rowsMentioning(needles)).length).toBeGreaterThan(10);

    const res = await asPhone(app, them.phone, { method: 'POST', url: '/api/v1/my-data/delete', payload: { everywhere: true } });
    expect(res.statusCode).toBe(200);
    expect(res.json().deleted).toEqual({ records: 2, devices: 2, paConnection: true, shares: 1, recoveryCode: true, monitoring: true, reminders: 2 });

    expect(await rowsMentioning(needles)).toEqual([]);

    const caseload = (await asStaff(app, them.pa, { method: 'GET', url: '/api/v1/pa/caseload' })).json().caseload;
    expect(caseload).toEqual([]);
    const stopped = (await asStaff(app, them.pa, { method: 'GET', url: '/api/v1/pa/stopped-using' })).json().stopped;
    expect(stopped).toEqual([{ stoppedAt: expect.any(String) }]);
    expect((await asStaff(app, them.pa, { method: 'GET', url: `/api/v1/pa/people/${them.personId}` })).statusCode).toBe(404);

    for (const phone of [them.otherPhone, them.phone]) {
      const pull = await app.inject({ method: 'GET', url: '/api/v1/sync/pull?cursor=0', headers: { authorization: `Bearer ${phone.token}` } });
      expect(pull.statusCode).toBe(401);
      expect(pull.json().error).toBe('device-signed-out');
    }

    // Someone else's data is untouched.
    expect((await pullAll(app, bystander.phone)).changes.length).toBe(2);
    expect((await asStaff(app, bystander.pa, { method: 'GET', url: '/api/v1/pa/caseload' })).json().caseload).toHaveLength(1);
    expect((await asStaff(app, bystander.pa, { method: 'GET', url: '/api/v1/pa/stopped-using' })).json().stopped).toEqual([]);
  });

  it('deletes nothing without the explicit "everywhere: true" body, and names the field', async () => {
    const phone = await registerDevice(app);
    for (const payload of [{}, { everywhere: false }, { everywhere: 'yes' }]) {
      const res = await asPhone(app, phone, { method: 'POST', url: '/api/v1/my-data/delete', payload });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('everywhere');
    }
    const missing = await app.inject({ method: 'POST', url: '/api/v1/my-data/delete', payload: { everywhere: true } });
    expect(missing.statusCode).toBe(401);
    expect((await pullAll(app, phone)).changes).toEqual([]);
  });

  it('lets only a phone delete its own person, and only a PA read their own "stopped using" lines', async () => {
    const pa = await signedInStaff(app, 'pa', 'Example Council Authz');
    const phone = await registerDevice(app);
    await connect(app, phone, pa, 'Example Person Authz');
    const asPa = await asStaff(app, pa, { method: 'POST', url: '/api/v1/my-data/delete', payload: { everywhere: true } });
    expect(asPa.statusCode).toBe(401);
    const asPhoneReading = await asPhone(app, phone, { method: 'GET', url: '/api/v1/pa/stopped-using' });
    expect(asPhoneReading.statusCode).toBe(401);
    const manager = await signedInStaff(app, 'manager', 'Example Council Authz');
    expect((await asStaff(app, manager, { method: 'GET', url: '/api/v1/pa/stopped-using' })).statusCode).toBe(403);
    expect((await asStaff(app, pa, { method: 'GET', url: '/api/v1/pa/caseload' })).json().caseload).toHaveLength(1);
  });
});
