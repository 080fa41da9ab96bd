// The retention rule deletes what the server no longer needs, on SQLite and PostgreSQL, and nothing a phone or a PA
// still relies on: a tombstone stays until every signed-in phone of its person has pulled past it, and a signed-out
// phone forgotten by the server is still told to wipe itself.
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';

import { applyRetention } from '../../src/server/retention/retention.ts';
import { checkin, deleteRecord, type Device, pullAll, pullPage, push, putCheckin, registerDevice } from './helpers/api.ts';
import { DIALECTS } from './helpers/databases.ts';
import { serverForBlock } from './helpers/server.ts';
import { asPhone, asStaff, pairingCode, signedInStaff } from './sharing-helpers.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
const RETENTION_DAYS = 30;

describe.each(DIALECTS)('the retention rule on %s', (dialect) => {
  const server = serverForBlock(dialect);
  let app: FastifyInstance;
  // The test reads tables no route exposes, straight from the store.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rowsOf() below counts rows of any table by its name
  let db: Kysely<any>;
  beforeAll(() => {
    app = server.app;
    db = app.store.db;
  });

  // Five days past the retention time: past every code's own lifetime (pairing codes last 72 hours).
  const afterRetention = () => applyRetention(app.store, RETENTION_DAYS, Date.now() + (RETENTION_DAYS + 5) * DAY_MS);
  const rowsOf = async (table: string, column: string, value: string) =>
    (await db.selectFrom(table).selectAll().where(column, '=', value).execute()).length;

  async function twoPhonesOfOnePerson(): Promise<[Device, Device]> {
    const first = await registerDevice(app);
    const linkCode = (await asPhone(app, first, { method: 'POST', url: '/api/v1/devices/link-codes' })).json().code;
    return [first, await registerDevice(app, linkCode)];
  }
  /** Pulls everything, then once more from the end: the cursor a phone sends says what it holds. */
  async function catchUp(phone: Device): Promise<void> {
    const { cursor } = await pullAll(app, phone);
    await pullPage(app, phone, cursor);
  }

  it('keeps a tombstone while a signed-in phone has not pulled it, and deletes it once both phones have', async () => {
    const [first, second] = await twoPhonesOfOnePerson();
    const kept = checkin({ note: 'example kept note' });
    const deleted = checkin({ note: 'example deleted note' });
    expect((await push(app, first, [putCheckin(1, kept), putCheckin(2, deleted)])).statusCode).toBe(200);
    expect((await push(app, first, [deleteRecord(3, deleted.id)])).statusCode).toBe(200);

    await catchUp(first);
    expect((await afterRetention()).tombstones).toBe(0);
    expect(await rowsOf('records', 'id', deleted.id)).toBe(1);

    await catchUp(second);
    // Too recent: nothing goes before the retention time, even when every phone has it.
    expect((await applyRetention(app.store, RETENTION_DAYS)).tombstones).toBe(0);
    expect((await afterRetention()).tombstones).toBe(1);
    expect(await rowsOf('records', 'id', deleted.id)).toBe(0);
    expect(await rowsOf('records', 'id', kept.id)).toBe(1);
    // The phones still agree with the server.
    const ids = (await pullAll(app, second)).changes.filter((c) => c.kind === 'checkin' && !c.deleted).map((c) => c.id);
    expect(ids).toEqual([kept.id]);
  });

  it('does not wait for a phone that was signed out', async () => {
    const [first, second] = await twoPhonesOfOnePerson();
    const deleted = checkin();
    expect((await push(app, first, [putCheckin(1, deleted), deleteRecord(2, deleted.id)])).statusCode).toBe(200);
    await catchUp(first);
    expect((await asPhone(app, first, { method: 'DELETE', url: `/api/v1/my-devices/${second.deviceId}` })).statusCode).toBe(200);
    await afterRetention();
    expect(await rowsOf('records', 'id', deleted.id)).toBe(0);
  });

  it('forgets a signed-out phone, which is still told to wipe itself when it comes back', async () => {
    const [first, second] = await twoPhonesOfOnePerson();
    expect((await asPhone(app, first, { method: 'DELETE', url: `/api/v1/my-devices/${second.deviceId}` })).statusCode).toBe(200);
    expect((await applyRetention(app.store, RETENTION_DAYS)).signedOutDevices).toBe(0);
    expect((await afterRetention()).signedOutDevices).toBeGreaterThanOrEqual(1);
    expect(await rowsOf('devices', 'id', second.deviceId)).toBe(0);
    expect(await rowsOf('devices', 'id', first.deviceId)).toBe(1);

    const back = await asPhone(app, second, { method: 'GET', url: '/api/v1/sync/pull?cursor=0' });
    expect(back.statusCode).toBe(401);
    expect(back.json().error).toBe('device-signed-out');
    expect((await asPhone(app, first, { method: 'GET', url: '/api/v1/my-devices' })).statusCode).toBe(200);
  });

  it('deletes expired codes and staff sessions, and keeps live ones', async () => {
    const phone = await registerDevice(app);
    expect((await asPhone(app, phone, { method: 'POST', url: '/api/v1/devices/link-codes' })).statusCode).toBe(201);
    const pa = await signedInStaff(app, 'pa', 'Example Council');
    await pairingCode(app, pa);
    const codesBefore = (await db.selectFrom('link_codes').selectAll().where('person_id', '=', (await db.selectFrom('devices').select('person_id').where('id', '=', phone.deviceId).executeTakeFirstOrThrow()).person_id).execute()).length;
    expect(codesBefore).toBe(1);
    expect(await rowsOf('pairing_codes', 'pa_id', pa.id)).toBe(1);

    expect((await applyRetention(app.store, RETENTION_DAYS)).codes).toBe(0);
    expect((await asStaff(app, pa, { method: 'GET', url: '/api/v1/pa/me' })).statusCode).toBe(200);

    const report = await afterRetention();
    expect(report.codes).toBeGreaterThanOrEqual(2);
    expect(report.staffSessions).toBeGreaterThanOrEqual(1);
    expect(await rowsOf('pairing_codes', 'pa_id', pa.id)).toBe(0);
    expect(await rowsOf('staff_sessions', 'user_id', pa.id)).toBe(0);
    expect((await asStaff(app, pa, { method: 'GET', url: '/api/v1/pa/me' })).statusCode).toBe(401);
  });
});
