// Sharing with a PA, seen + reply, the caseload, pairing codes, recovery and devices, on SQLite and PostgreSQL.
import { randomUUID } from 'node:crypto';

import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';

import { createUserCommand } from '../../src/server/sharing/create-user.ts';
import { checkin, deleteRecord, pullAll, push, putCheckin, registerDevice } from './helpers/api.ts';
import { DIALECTS } from './helpers/databases.ts';
import { serverForBlock } from './helpers/server.ts';
import { asPhone, asStaff, connect, HOST, ORIGIN, pairingCode, signedInStaff, type Staff } from './sharing-helpers.ts';

describe.each(DIALECTS)('sharing with a PA on %s', (dialect) => {
  const server = serverForBlock(dialect);
  let app: FastifyInstance;
  beforeAll(() => {
    app = server.app;
  });

  it('lets a young person share a check-in, the PA mark it seen with a reply, and the young person see both', async () => {
    const pa = await signedInStaff(app, 'pa', 'Example Council A');
    const phone = await registerDevice(app);
    await connect(app, phone, pa, 'Sam');
    const record = checkin({ mood: 1, note: 'rough week', sharedWithPa: true, shareNote: true });
    const shared = await asPhone(app, phone, { method: 'POST', url: '/api/v1/my-pa/shares', payload: { kind: 'checkin', record } });
    expect(shared.statusCode).toBe(201);

    const caseload = (await asStaff(app, pa, { method: 'GET', url: '/api/v1/pa/caseload' })).json().caseload;
    expect(caseload).toHaveLength(1);
    expect(caseload[0]).toMatchObject({ name: 'Sam', unseen: 1 });
    const page = await asStaff(app, pa, { method: 'GET', url: `/api/v1/pa/people/${caseload[0].personId}` });
    expect(page.json().shares).toEqual([expect.objectContaining({ id: record.id, kind: 'checkin', seenAt: null, data: expect.objectContaining({ mood: 1, note: 'rough week' }) })]);

    const seen = await asStaff(app, pa, { method: 'POST', url: `/api/v1/pa/shares/${record.id}/seen`, payload: { reply: 'Thanks for telling me. I will call you tomorrow.' } });
    expect(seen.statusCode).toBe(200);
    const mine = (await asPhone(app, phone, { method: 'GET', url: '/api/v1/my-pa' })).json();
    expect(mine).toMatchObject({ connected: true, paName: pa.name });
    expect(mine.shares[0]).toMatchObject({ id: record.id, reply: 'Thanks for telling me. I will call you tomorrow.', seenAt: expect.any(String) });
  });

  it('deletes the shared copy when the young person unshares, so the PA can no longer see it', async () => {
    const pa = await signedInStaff(app, 'pa', 'Example Council A');
    const phone = await registerDevice(app);
    await connect(app, phone, pa);
    const record = checkin({ mood: 2 });
    await asPhone(app, phone, { method: 'POST', url: '/api/v1/my-pa/shares', payload: { kind: 'checkin', record } });
    expect((await asPhone(app, phone, { method: 'DELETE', url: `/api/v1/my-pa/shares/${record.id}` })).statusCode).toBe(200);
    const personId = (await asStaff(app, pa, { method: 'GET', url: '/api/v1/pa/caseload' })).json().caseload[0].personId;
    expect((await asStaff(app, pa, { method: 'GET', url: `/api/v1/pa/people/${personId}` })).json().shares).toEqual([]);
    expect(await app.store.db.selectFrom('shares').select('id').where('id', '=', record.id).execute()).toEqual([]);
  });

  it('stops showing a shared check-in once the young person deletes it on their phone', async () => {
    const pa = await signedInStaff(app, 'pa', 'Example Council A');
    const phone = await registerDevice(app);
    await connect(app, phone, pa);
    const record = checkin({ sharedWithPa: true });
    await push(app, phone, [putCheckin(1, record)]);
    await asPhone(app, phone, { method: 'POST', url: '/api/v1/my-pa/shares', payload: { kind: 'checkin', record } });
    expect((await push(app, phone, [deleteRecord(2, record.id)])).statusCode).toBe(200);
    const personId = (await asStaff(app, pa, { method: 'GET', url: '/api/v1/pa/caseload' })).json().caseload[0].personId;
    expect((await asStaff(app, pa, { method: 'GET', url: `/api/v1/pa/people/${personId}` })).json().shares).toEqual([]);
    expect(await app.store.db.selectFrom('shares').select('id').where('id', '=', record.id).execute()).toEqual([]);
  });

  it('orders the caseload by need: "please call me" first, then low moods, then everyone else', async () => {
    const pa = await signedInStaff(app, 'pa', 'Example Council A');
    const [quiet, low, call] = [await registerDevice(app), await registerDevice(app), await registerDevice(app)];
    await connect(app, quiet, pa, 'Quiet');
    await connect(app, low, pa, 'Low');
    await connect(app, call, pa, 'Call');
    await asPhone(app, low, { method: 'POST', url: '/api/v1/my-pa/shares', payload: { kind: 'checkin', record: checkin({ mood: 1, at: new Date().toISOString() }) } });
    await asPhone(app, call, { method: 'POST', url: '/api/v1/my-pa/shares', payload: { kind: 'request', id: randomUUID(), request: 'call-me', at: new Date().toISOString() } });
    const names = (await asStaff(app, pa, { method: 'GET', url: '/api/v1/pa/caseload' })).json().caseload.map((e: { name: string }) => e.name);
    expect(names).toEqual(['Call', 'Low', 'Quiet']);
  });

  it('tells a young person sharing outside working hours when their PA is likely to see it', async () => {
    const pa = await signedInStaff(app, 'pa', 'Example Council A');
    // No working days at all: any time is out of hours.
    expect((await asStaff(app, pa, { method: 'PUT', url: '/api/v1/pa/working-hours', payload: { days: [] } })).statusCode).toBe(200);
    const phone = await registerDevice(app);
    await connect(app, phone, pa);
    const res = await asPhone(app, phone, { method: 'POST', url: '/api/v1/my-pa/shares', payload: { kind: 'request', id: randomUUID(), request: 'call-me', at: new Date().toISOString() } });
    expect(res.json()).toMatchObject({ outOfHours: true, likelySeenFrom: null });
    const bad = await asStaff(app, pa, { method: 'PUT', url: '/api/v1/pa/working-hours', payload: { days: [{ day: 1, start: '18:00', end: '09:00' }] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('days.0.end');
  });

  it('refuses a bad share with a 400 naming the field, and saves nothing', async () => {
    const pa = await signedInStaff(app, 'pa', 'Example Council A');
    const phone = await registerDevice(app);
    await connect(app, phone, pa);
    const res = await asPhone(app, phone, { method: 'POST', url: '/api/v1/my-pa/shares', payload: { kind: 'checkin', record: { ...checkin(), mood: 9 } } });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('record.mood');
    expect((await asPhone(app, phone, { method: 'GET', url: '/api/v1/my-pa' })).json().shares).toEqual([]);
  });

  it('exports what the PA can see as CSV, without letting a note run as a spreadsheet formula', async () => {
    const pa = await signedInStaff(app, 'pa', 'Example Council A');
    const phone = await registerDevice(app);
    await connect(app, phone, pa);
    await asPhone(app, phone, { method: 'POST', url: '/api/v1/my-pa/shares', payload: { kind: 'checkin', record: checkin({ note: '=HYPERLINK("x")', shareNote: true }) } });
    const personId = (await asStaff(app, pa, { method: 'GET', url: '/api/v1/pa/caseload' })).json().caseload[0].personId;
    const csv = await asStaff(app, pa, { method: 'GET', url: `/api/v1/pa/people/${personId}/export.csv` });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toContain('kind,when,sharedAt,mood');
    expect(csv.body).toContain(`"'=HYPERLINK(""x"")"`);
    const audit = await app.store.db.selectFrom('audit_log').select(['action', 'person_id']).where('actor_id', '=', pa.id).execute();
    expect(audit).toEqual(expect.arrayContaining([{ action: 'export-csv', person_id: personId }]));
  });

  it('records which PA opened which young person, never what they read', async () => {
    const pa = await signedInStaff(app, 'pa', 'Example Council A');
    const phone = await registerDevice(app);
    await connect(app, phone, pa);
    await asPhone(app, phone, { method: 'POST', url: '/api/v1/my-pa/shares', payload: { kind: 'checkin', record: checkin({ note: 'private words' }) } });
    const personId = (await asStaff(app, pa, { method: 'GET', url: '/api/v1/pa/caseload' })).json().caseload[0].personId;
    await asStaff(app, pa, { method: 'GET', url: `/api/v1/pa/people/${personId}` });
    const rows = await app.store.db.selectFrom('audit_log').selectAll().where('actor_id', '=', pa.id).execute();
    expect(rows.map((r) => r.action)).toContain('open-person');
    expect(JSON.stringify(rows)).not.toContain('private words');
  });

  it('forgets everything shared with the PA when the young person disconnects', async () => {
    const pa = await signedInStaff(app, 'pa', 'Example Council A');
    const phone = await registerDevice(app);
    await connect(app, phone, pa);
    await asPhone(app, phone, { method: 'POST', url: '/api/v1/my-pa/shares', payload: { kind: 'checkin', record: checkin() } });
    expect((await asPhone(app, phone, { method: 'PUT', url: '/api/v1/my-pa/monitoring', payload: { optIn: true } })).statusCode).toBe(200);
    expect((await asPhone(app, phone, { method: 'DELETE', url: '/api/v1/my-pa' })).json()).toEqual({ connected: false, monitoring: false });
    expect((await asStaff(app, pa, { method: 'GET', url: '/api/v1/pa/caseload' })).json().caseload).toEqual([]);
    // Anonymous monitoring was given through this PA's council: it ends with the link, and is no longer counted.
    expect((await asPhone(app, phone, { method: 'GET', url: '/api/v1/my-pa' })).json()).toEqual({ connected: false, monitoring: false });
    const personId = (await app.store.db.selectFrom('devices').select('person_id').where('id', '=', phone.deviceId).executeTakeFirstOrThrow()).person_id;
    expect(await app.store.db.selectFrom('monitoring_consents').select('person_id').where('person_id', '=', personId).execute()).toEqual([]);
    // Opting out stays possible while disconnected (nothing to do, but never refused).
    expect((await asPhone(app, phone, { method: 'PUT', url: '/api/v1/my-pa/monitoring', payload: { optIn: false } })).statusCode).toBe(200);
  });

  it('leaves the note out of a shared check-in unless it was ticked to go too', async () => {
    const pa = await signedInStaff(app, 'pa', 'Example Council A');
    const phone = await registerDevice(app);
    await connect(app, phone, pa);
    const record = checkin({ mood: 2, note: 'example private words', sharedWithPa: true });
    expect((await push(app, phone, [putCheckin(1, record)])).statusCode).toBe(200);
    const personId = (await asStaff(app, pa, { method: 'GET', url: '/api/v1/pa/caseload' })).json().caseload[0].personId;
    const first = (await asStaff(app, pa, { method: 'GET', url: `/api/v1/pa/people/${personId}` })).json().shares;
    expect(first).toEqual([expect.objectContaining({ id: record.id, data: expect.objectContaining({ mood: 2 }) })]);
    expect(JSON.stringify(first)).not.toContain('example private words');
    // An edit reaches the PA's copy, and "seen" goes with the old version.
    await asStaff(app, pa, { method: 'POST', url: `/api/v1/pa/shares/${record.id}/seen`, payload: { reply: 'Example reply' } });
    expect((await push(app, phone, [putCheckin(2, { ...record, mood: 4, shareNote: true })])).statusCode).toBe(200);
    const second = (await asStaff(app, pa, { method: 'GET', url: `/api/v1/pa/people/${personId}` })).json().shares;
    expect(second).toEqual([expect.objectContaining({ id: record.id, seenAt: null, data: expect.objectContaining({ mood: 4, note: 'example private words' }) })]);
  });

  it('restores every record on a new phone with the recovery code and signs the old phone out', async () => {
    const oldPhone = await registerDevice(app);
    const records = [checkin({ mood: 2 }), checkin({ mood: 4 }), checkin({ mood: 5 })];
    expect((await push(app, oldPhone, records.map((r, i) => putCheckin(i + 1, r)))).statusCode).toBe(200);
    // The safety plan and saved places are backed up too, so they come back with everything else.
    const plan = { id: randomUUID(), updatedAt: '2026-11-20T10:00:00.000Z', warningSigns: 'Example: not sleeping' };
    const place = { id: randomUUID(), serviceId: 'example-service-1', savedAt: '2026-11-20T10:00:00.000Z' };
    const personal = [
      { seq: 4, kind: 'safetyPlan', op: 'put' as const, id: plan.id, record: plan, clientTime: plan.updatedAt },
      { seq: 5, kind: 'favourite', op: 'put' as const, id: place.id, record: place, clientTime: place.savedAt },
    ];
    expect((await push(app, oldPhone, personal)).statusCode).toBe(200);
    const code = (await asPhone(app, oldPhone, { method: 'POST', url: '/api/v1/recovery-code' })).json().code;
    expect(code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){4}$/);

    const restored = await app.inject({ method: 'POST', url: '/api/v1/recovery/restore', payload: { code: code.toLowerCase() } });
    expect(restored.statusCode).toBe(201);
    const newPhone = restored.json();
    const pulled = await pullAll(app, newPhone);
    expect(pulled.changes.map((c) => c.record)).toEqual(expect.arrayContaining([...records, plan, place]));
    expect(pulled.changes).toHaveLength(5);
    // The old phone is told it was signed out (not just "unknown"), so it wipes itself and never re-registers.
    const oldAsks = await asPhone(app, oldPhone, { method: 'GET', url: '/api/v1/my-pa' });
    expect(oldAsks.statusCode).toBe(401);
    expect(oldAsks.json()).toMatchObject({ error: 'device-signed-out' });
    const oldPushes = await push(app, oldPhone, [putCheckin(6, checkin())]);
    expect(oldPushes.statusCode).toBe(401);
    expect(oldPushes.json()).toMatchObject({ error: 'device-signed-out' });
    const unknown = await asPhone(app, { deviceId: randomUUID(), token: 'x'.repeat(43) }, { method: 'GET', url: '/api/v1/my-pa' });
    expect(unknown.json()).toMatchObject({ error: 'unauthorised' });
    // The code works once.
    expect((await app.inject({ method: 'POST', url: '/api/v1/recovery/restore', payload: { code } })).statusCode).toBe(400);
  });

  it('lists my devices and signs one out, but never someone else’s', async () => {
    const first = await registerDevice(app);
    const linkCode = (await asPhone(app, first, { method: 'POST', url: '/api/v1/devices/link-codes' })).json().code;
    const second = await registerDevice(app, linkCode);
    const stranger = await registerDevice(app);
    const list = (await asPhone(app, first, { method: 'GET', url: '/api/v1/my-devices' })).json().devices;
    expect(list).toHaveLength(2);
    expect(list.find((d: { thisDevice: boolean }) => d.thisDevice).id).toBe(first.deviceId);
    expect((await asPhone(app, stranger, { method: 'DELETE', url: `/api/v1/my-devices/${second.deviceId}` })).statusCode).toBe(404);
    expect((await asPhone(app, first, { method: 'DELETE', url: `/api/v1/my-devices/${second.deviceId}` })).statusCode).toBe(200);
    const signedOut = await asPhone(app, second, { method: 'GET', url: '/api/v1/my-pa' });
    expect(signedOut.statusCode).toBe(401);
    expect(signedOut.json()).toMatchObject({ error: 'device-signed-out' });
  });

  it('makes pairing codes like 7KQ-49X that work once and expire after 72 hours', async () => {
    const pa = await signedInStaff(app, 'pa', 'Example Council A');
    const code = await pairingCode(app, pa);
    expect(code).toMatch(/^[2-9A-Z]{3}-[2-9A-Z]{3}$/);
    const [a, b] = [await registerDevice(app), await registerDevice(app)];
    expect((await asPhone(app, a, { method: 'POST', url: '/api/v1/my-pa/connect', payload: { code: code.toLowerCase().replace('-', ' ') } })).statusCode).toBe(200);
    const again = await asPhone(app, b, { method: 'POST', url: '/api/v1/my-pa/connect', payload: { code } });
    expect(again.statusCode).toBe(400);
    expect(again.json().field).toBe('code');

    const old = await pairingCode(app, pa);
    await app.store.db.updateTable('pairing_codes').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('used_at', 'is', null).execute();
    expect((await asPhone(app, b, { method: 'POST', url: '/api/v1/my-pa/connect', payload: { code: old } })).statusCode).toBe(400);
  });

  it('makes a new account choose its own password before opening anything', async () => {
    const email = `new-${randomUUID().slice(0, 6)}@example.test`;
    const printed = await createUserCommand(app.store, ['--role', 'pa', '--email', email, '--council', 'Example Council A']);
    const oneTime = /One-time password: (\S+)/.exec(printed)![1];
    const login = await app.inject({ method: 'POST', url: '/api/v1/pa/login', headers: { host: HOST, origin: ORIGIN }, payload: { email, password: oneTime } });
    expect(login.statusCode).toBe(200);
    const pa = { cookie: String(login.headers['set-cookie']).split(';')[0] } as Staff;
    expect((await asStaff(app, pa, { method: 'GET', url: '/api/v1/pa/me' })).json().mustChangePassword).toBe(true);
    const blocked = await asStaff(app, pa, { method: 'GET', url: '/api/v1/pa/caseload' });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error).toBe('password-change-required');
    const short = await asStaff(app, pa, { method: 'POST', url: '/api/v1/pa/password', payload: { currentPassword: oneTime, newPassword: 'short' } });
    expect(short.statusCode).toBe(400);
    expect(short.json().field).toBe('newPassword');
    const changed = await asStaff(app, pa, { method: 'POST', url: '/api/v1/pa/password', payload: { currentPassword: oneTime, newPassword: 'a long example passphrase' } });
    expect(changed.statusCode).toBe(200);
    expect((await asStaff(app, pa, { method: 'GET', url: '/api/v1/pa/caseload' })).statusCode).toBe(200);
    const again = await app.inject({ method: 'POST', url: '/api/v1/pa/login', headers: { host: HOST, origin: ORIGIN }, payload: { email, password: oneTime } });
    expect(again.statusCode).toBe(401);
  });

  it('ends a session on logout and refuses an expired one', async () => {
    const pa = await signedInStaff(app, 'pa', 'Example Council A');
    const logout = await asStaff(app, pa, { method: 'POST', url: '/api/v1/pa/logout' });
    expect(String(logout.headers['set-cookie'])).toContain('Max-Age=0');
    expect((await asStaff(app, pa, { method: 'GET', url: '/api/v1/pa/caseload' })).statusCode).toBe(401);

    const other = await signedInStaff(app, 'pa', 'Example Council A');
    await app.store.db.updateTable('staff_sessions').set({ expires_at: new Date(Date.now() - 1).toISOString() }).where('user_id', '=', other.id).execute();
    expect((await asStaff(app, other, { method: 'GET', url: '/api/v1/pa/caseload' })).statusCode).toBe(401);
  });

  it('sets the session cookie HttpOnly, Secure and SameSite=Strict, and refuses changes from another site', async () => {
    const pa = await signedInStaff(app, 'pa', 'Example Council A');
    const res = await app.inject({ method: 'POST', url: '/api/v1/pa/login', headers: { host: 'care.example.test', origin: 'https://care.example.test' }, payload: { email: pa.email, password: pa.password } });
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const forged = await asStaff(app, pa, { method: 'POST', url: '/api/v1/pa/pairing-codes', headers: { origin: 'https://evil.example' } });
    expect(forged.statusCode).toBe(403);
    const noOrigin = await app.inject({ method: 'POST', url: '/api/v1/pa/pairing-codes', headers: { host: 'care.example.test', cookie: pa.cookie } });
    expect(noOrigin.statusCode).toBe(403);
  });
});
