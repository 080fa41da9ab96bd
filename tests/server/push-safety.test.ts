// Push subscriptions can't be used against the server or against another person: endpoints only on the push
// services' public hosts (checked again at send time), one owner per endpoint, and one reminder that can't be sent
// (a bad key, a send that keeps dying) fails alone and ends after MAX_ATTEMPTS. SQLite and PostgreSQL.
import { createECDH, randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import net from 'node:net';

import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { buildServer } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { isPublicAddress, isPushServiceUrl } from '../../src/server/reminders/endpoints.ts';
import { createReminderScheduler, MAX_ATTEMPTS, STALE_CLAIM_MS } from '../../src/server/reminders/scheduler.ts';
import { type PushSender, webPushSender } from '../../src/server/reminders/send.ts';
import { loadVapidKeys } from '../../src/server/reminders/vapid.ts';
import { auth, type Device, push, registerDevice } from './helpers/api.ts';
import { DIALECTS, freshDatabase, type TestDatabase } from './helpers/databases.ts';
import { appointment, type PushServiceStandIn, startPushServiceStandIn } from './reminders-push-service.ts';

const INWARD = ['127.0.0.1', 'localhost', '2130706433', '169.254.169.254', '10.0.0.1', '[::1]', '[::ffff:127.0.0.1]', '0x7f.1', '192.168.1.1'];
// The server's own scheduler stays off: these tests drive their own.
const reminders = { ...loadConfig({}).reminders, enabled: false };

function browserKeys() {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return { p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16).toString('base64url') };
}
const fcm = (name: string) => `https://fcm.googleapis.com/fcm/send/example-test-${name}`;

describe('push endpoint rules', () => {
  it('accepts only https on a push service host, and no address that is not public', () => {
    expect(isPushServiceUrl(fcm('a'))).toBe(true);
    expect(isPushServiceUrl('https://updates.push.services.mozilla.com/wpush/v2/example-test')).toBe(true);
    expect(isPushServiceUrl('https://web.push.apple.com/example-test')).toBe(true);
    for (const host of INWARD) expect(isPushServiceUrl(`https://${host}/push`), host).toBe(false);
    for (const bad of ['http://fcm.googleapis.com/x', 'https://fcm.googleapis.com:8443/x', 'https://u:p@fcm.googleapis.com/x', 'https://fcm.googleapis.com.example.test/x', 'https://push.apple.com/x']) {
      expect(isPushServiceUrl(bad), bad).toBe(false);
    }
    for (const ip of ['127.0.0.1', '10.0.0.1', '169.254.169.254', '172.16.5.4', '192.168.0.1', '100.64.0.1', '0.0.0.0', '::1', '::', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1']) {
      expect(isPublicAddress(ip), ip).toBe(false);
    }
    expect(isPublicAddress('8.8.8.8')).toBe(true);
    expect(isPublicAddress('2a00:1450:4009:81a::200a')).toBe(true);
  });

  it('never connects when a push service name resolves to a private address at send time', async () => {
    const vapid = loadVapidKeys(await import('node:fs').then((fs) => fs.mkdtempSync(`${(process.env.TMPDIR ?? '/tmp')}/vapid-`)));
    const looked: string[] = [];
    for (const address of ['127.0.0.1', '169.254.169.254', '10.0.0.1', '::1']) {
      const send = webPushSender(vapid, { lookup: async (host) => { looked.push(host); return [{ address, family: net.isIP(address) }]; } });
      expect(await send({ endpoint: fcm('rebind'), ...browserKeys() }, '{}', 'topic'), address).toBe('failed');
    }
    expect(looked).toEqual(Array(4).fill('fcm.googleapis.com'));
  });
});

describe.each(DIALECTS)('push subscriptions and sending on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const seqs = new Map<string, number>();
  beforeEach(async () => {
    database = await freshDatabase(dialect, { reminders });
    app = await buildServer(database.config);
  });
  afterEach(async () => {
    await app.close();
    await database.drop();
  });

  const subscribe = (device: Device, endpoint: string, keys = browserKeys()) =>
    app.inject({ method: 'POST', url: '/api/v1/push/subscriptions', headers: auth(device), payload: { endpoint, keys } });
  async function putAppointment(device: Device, record = appointment({ reminders: [120] })) {
    const seq = (seqs.get(device.deviceId) ?? 0) + 1;
    seqs.set(device.deviceId, seq);
    const res = await push(app, device, [{ seq, kind: 'appointment', op: 'put', id: record.id, record, clientTime: record.updatedAt }]);
    expect(res.statusCode).toBe(200);
    return record;
  }

  it('refuses endpoints that point into the server’s own network', async () => {
    const phone = await registerDevice(app);
    for (const host of INWARD) {
      const res = await subscribe(phone, `https://${host}/push/example`);
      expect(res.statusCode, host).toBe(400);
      expect(res.json().field).toBe('endpoint');
    }
    expect((await subscribe(phone, 'http://127.0.0.1:9/push/example')).statusCode).toBe(400);
    expect(await app.store.db.selectFrom('push_subscriptions').selectAll().execute()).toEqual([]);
  });

  it('refuses another phone taking over an endpoint, or deleting it, until the owner is provably gone', async () => {
    const owner = await registerDevice(app);
    const other = await registerDevice(app);
    const keys = browserKeys();
    expect((await subscribe(owner, fcm('owned'), keys)).statusCode).toBe(201);
    const takeover = await subscribe(other, fcm('owned'));
    expect(takeover.statusCode).toBe(409);
    expect(takeover.json().field).toBe('endpoint');
    await app.inject({ method: 'DELETE', url: '/api/v1/push/subscriptions', headers: auth(other), payload: { endpoint: fcm('owned') } });
    const row = await app.store.db.selectFrom('push_subscriptions').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ device_id: owner.deviceId, p256dh: keys.p256dh });
    // The owner may renew their own subscription; once their phone is signed out, the endpoint is free.
    expect((await subscribe(owner, fcm('owned'), keys)).statusCode).toBe(201);
    await app.store.db.updateTable('devices').set({ revoked_at: new Date().toISOString() }).where('id', '=', owner.deviceId).execute();
    expect((await subscribe(other, fcm('owned'))).statusCode).toBe(201);
  });

  it('never connects to a private address, even for subscriptions saved before the rules', async () => {
    const connections: string[] = [];
    const listener = net.createServer((socket) => { connections.push(String(socket.remoteAddress)); socket.destroy(); });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    const port = (listener.address() as AddressInfo).port;
    try {
      const phone = await registerDevice(app);
      const person = (await app.store.db.selectFrom('devices').select('person_id').where('id', '=', phone.deviceId).executeTakeFirstOrThrow()).person_id;
      const endpoints = ['127.0.0.1', 'localhost', '2130706433', '[::ffff:127.0.0.1]', '0x7f.1'].map((host) => `https://${host}:${port}/push`);
      for (const [i, endpoint] of endpoints.entries()) {
        await app.store.db.insertInto('push_subscriptions').values({
          id: `old-${i}`, device_id: phone.deviceId, person_id: person, endpoint, ...browserKeys(), language: 'en', words: '{}', created_at: new Date().toISOString(),
        }).execute();
      }
      await putAppointment(phone);
      const scheduler = createReminderScheduler({ store: app.store, send: webPushSender(loadVapidKeys(database.config.dataDir)), now: () => new Date('2030-01-10T10:01:00Z') });
      expect(await scheduler.tick()).toMatchObject({ sent: 0 });
      // A connection would have been accepted by now had one been started; give the loop a turn to be sure.
      await new Promise((resolve) => setImmediate(resolve));
      expect(connections).toEqual([]);
    } finally {
      await new Promise((resolve) => listener.close(resolve));
    }
  });

  describe('one bad reminder fails alone', () => {
    let pushService: PushServiceStandIn;
    beforeEach(async () => { pushService = await startPushServiceStandIn(); });
    afterEach(async () => { await pushService.close(); });

    it('sends everyone else’s reminders when one phone’s key is bad, and ends the bad one', async () => {
      const bad = await registerDevice(app);
      const good = await registerDevice(app);
      // 65 bytes, the right length, but not a point on the curve: the browser could never have made it.
      const notAKey = Buffer.alloc(65, 7).toString('base64url');
      const badPerson = (await app.store.db.selectFrom('devices').select('person_id').where('id', '=', bad.deviceId).executeTakeFirstOrThrow()).person_id;
      await app.store.db.insertInto('push_subscriptions').values({
        id: 'bad-key', device_id: bad.deviceId, person_id: badPerson, endpoint: pushService.subscribe('bad').endpoint, p256dh: notAKey, auth: browserKeys().auth,
        language: 'en', words: '{}', created_at: new Date().toISOString(),
      }).execute();
      const { endpoint, keys } = pushService.subscribe('good');
      await app.store.db.insertInto('push_subscriptions').values({
        id: 'good-key', device_id: good.deviceId, person_id: (await app.store.db.selectFrom('devices').select('person_id').where('id', '=', good.deviceId).executeTakeFirstOrThrow()).person_id,
        endpoint, ...keys, language: 'en', words: '{}', created_at: new Date().toISOString(),
      }).execute();
      // The bad phone's appointment falls due first, so it is tried first.
      await putAppointment(bad, appointment({ reminders: [125] }));
      await putAppointment(good, appointment({ reminders: [120] }));
      const scheduler = createReminderScheduler({ store: app.store, send: webPushSender(loadVapidKeys(database.config.dataDir), { allowLocalStandIn: true }), now: () => new Date('2030-01-10T10:01:00Z') });
      expect(await scheduler.tick()).toMatchObject({ sent: 1 });
      expect(pushService.received.map((r) => r.path)).toEqual(['/push/good']);
      const states = await app.store.db.selectFrom('due_reminders').select(['person_id', 'state', 'attempts']).execute();
      expect(states.find((s) => s.person_id === badPerson)).toMatchObject({ state: 'gone', attempts: 1 });
    });

    it('counts an attempt each time a send throws or its claim goes stale, and stops at MAX_ATTEMPTS', async () => {
      const phone = await registerDevice(app);
      expect((await app.inject({ method: 'POST', url: '/api/v1/push/subscriptions', headers: auth(phone), payload: { endpoint: fcm('throws'), keys: browserKeys() } })).statusCode).toBe(201);
      await putAppointment(phone);
      let clock = new Date('2030-01-10T10:01:00Z');
      const throwing: PushSender = async () => { throw new Error('example failure'); };
      const scheduler = createReminderScheduler({ store: app.store, send: throwing, now: () => clock });
      const reminder = () => app.store.db.selectFrom('due_reminders').select(['state', 'attempts']).executeTakeFirstOrThrow();
      for (let i = 1; i < MAX_ATTEMPTS; i++) {
        await scheduler.tick();
        expect(await reminder()).toEqual({ state: 'pending', attempts: i });
      }
      // A process that died mid-send leaves a claim; reopening it after the last allowed attempt ends it.
      await app.store.db.updateTable('due_reminders').set({ state: 'sending', attempts: MAX_ATTEMPTS, claimed_at: clock.toISOString() }).execute();
      clock = new Date(clock.getTime() + STALE_CLAIM_MS + 1000);
      await scheduler.tick();
      expect(await reminder()).toEqual({ state: 'gone', attempts: MAX_ATTEMPTS });
    });
  });
});
