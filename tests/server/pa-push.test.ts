// Told when someone asks (issue 16), on SQLite and PostgreSQL: a young person's "Please call me" makes one content-free
// Web Push to their PA's opted-in browser, only inside the PA's working hours (and to whoever covers them today);
// a burst of taps is one push; bad subscription bodies are 400 naming the field and write nothing; only that PA
// can change their subscription, and signing out or a session's end deletes it. The push goes to a local stand-in
// for the push service that decrypts it as a browser would.
import { randomUUID } from 'node:crypto';

import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { buildServer } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { webPushSender } from '../../src/server/reminders/send.ts';
import { loadVapidKeys } from '../../src/server/reminders/vapid.ts';
import { applyRetention } from '../../src/server/retention/retention.ts';
import { BURST_MS, type CallAlertScheduler, createCallAlertScheduler } from '../../src/server/sharing/call-alerts.ts';
import { ukDay } from '../../src/shared/sharing/schemas.ts';
import { type Device, registerDevice } from './helpers/api.ts';
import { DIALECTS, freshDatabase, type TestDatabase } from './helpers/databases.ts';
import { type PushServiceStandIn, startPushServiceStandIn } from './reminders-push-service.ts';
import { asPhone, asStaff, connect, signedInStaff, type Staff } from './sharing-helpers.ts';

// A stand-in push service on http://127.0.0.1; the server's own schedulers stay off (these tests drive their own with a fake clock).
const reminders = { ...loadConfig({}).reminders, allowLocalHttpEndpoints: true, enabled: false };

const ALL_DAY = { days: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, start: '00:00', end: '23:59' })) };
const NO_DAYS = { days: [] };
const EXPECTED_PAYLOAD = { title: 'Someone on your caseload asked you to call', body: 'Open the PA page to see who.', url: '/pa/', tag: 'pa-call-me' };

describe.each(DIALECTS)('call alerts to the PA on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let pushService: PushServiceStandIn;
  let alerts: CallAlertScheduler;
  let clock: () => Date;

  beforeEach(async () => {
    database = await freshDatabase(dialect, { reminders });
    app = await buildServer(database.config);
    pushService = await startPushServiceStandIn();
    clock = () => new Date();
    alerts = createCallAlertScheduler({ store: app.store, send: webPushSender(loadVapidKeys(database.config.dataDir), { allowLocalStandIn: true }), now: () => clock() });
  });
  afterEach(async () => {
    await pushService.close();
    await app.close();
    await database.drop();
  });

  async function paWithHours(hours: object, council = 'Example Council A'): Promise<Staff> {
    const pa = await signedInStaff(app, 'pa', council);
    expect((await asStaff(app, pa, { method: 'PUT', url: '/api/v1/pa/working-hours', payload: hours })).statusCode).toBe(200);
    return pa;
  }
  const optIn = (pa: Staff, name: string, extra: object = {}) =>
    asStaff(app, pa, { method: 'PUT', url: '/api/v1/pa/push-subscription', payload: { ...pushService.subscribe(name), language: 'en', ...extra } });
  async function youngPerson(pa: Staff, name = 'Example Young Person'): Promise<Device> {
    const phone = await registerDevice(app);
    await connect(app, phone, pa, name);
    return phone;
  }
  const askToCall = async (phone: Device) => {
    const res = await asPhone(app, phone, { method: 'POST', url: '/api/v1/my-pa/shares', payload: { kind: 'request', id: randomUUID(), request: 'call-me', at: new Date().toISOString() } });
    expect(res.statusCode).toBe(201);
  };
  const subscriptions = () => app.store.db.selectFrom('pa_push_subscriptions').selectAll().execute();

  it('pushes one content-free alert inside working hours, to that PA only', async () => {
    const pa = await paWithHours(ALL_DAY);
    const otherPa = await paWithHours(ALL_DAY);
    expect((await optIn(pa, 'pa-one')).statusCode).toBe(200);
    expect((await optIn(otherPa, 'pa-two')).statusCode).toBe(200);
    const phone = await youngPerson(pa, 'Example Named Person');
    await askToCall(phone);

    expect(await alerts.tick()).toMatchObject({ requests: 1, pushed: 1 });
    await pushService.waitFor(1);
    expect(pushService.received).toHaveLength(1);
    expect(pushService.received[0].path).toBe('/push/pa-one');
    // Nothing about who asked or what: the same words for everyone.
    expect(pushService.received[0].payload).toEqual(EXPECTED_PAYLOAD);
    expect(JSON.stringify(pushService.received[0].payload)).not.toContain('Example Named Person');
    // A second tick sends nothing more.
    expect(await alerts.tick()).toMatchObject({ requests: 0, pushed: 0 });
    expect(pushService.received).toHaveLength(1);
  });

  it('uses the PA page’s Arabic words when the PA chose Arabic', async () => {
    const pa = await paWithHours(ALL_DAY);
    expect((await optIn(pa, 'pa-ar', { language: 'ar' })).statusCode).toBe(200);
    await askToCall(await youngPerson(pa));
    await alerts.tick();
    await pushService.waitFor(1);
    expect(pushService.received[0].payload.title).toBe('طلب أحد الشباب الذين تتابعهم أن تتصل به');
  });

  it('pushes nothing outside working hours, and not later either', async () => {
    const pa = await paWithHours(NO_DAYS);
    expect((await optIn(pa, 'pa-off')).statusCode).toBe(200);
    await askToCall(await youngPerson(pa));
    expect(await alerts.tick()).toMatchObject({ requests: 1, pushed: 0, outsideHours: 1 });
    // The PA starts work: that request was already answered by "when your PA will likely see it", not pushed now.
    expect((await asStaff(app, pa, { method: 'PUT', url: '/api/v1/pa/working-hours', payload: ALL_DAY })).statusCode).toBe(200);
    expect(await alerts.tick()).toMatchObject({ requests: 0, pushed: 0 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(pushService.received).toHaveLength(0);
  });

  it('makes one push for a burst of taps, and one for the next young person', async () => {
    const pa = await paWithHours(ALL_DAY);
    expect((await optIn(pa, 'pa-burst')).statusCode).toBe(200);
    const phone = await youngPerson(pa);
    for (let i = 0; i < 3; i++) await askToCall(phone);
    expect(await alerts.tick()).toMatchObject({ requests: 3, pushed: 1 });
    await askToCall(phone);
    expect(await alerts.tick()).toMatchObject({ requests: 1, pushed: 0 });
    await askToCall(await youngPerson(pa, 'Example Second Person'));
    expect(await alerts.tick()).toMatchObject({ requests: 1, pushed: 1 });
    await pushService.waitFor(2);
    expect(pushService.received).toHaveLength(2);
    // After the burst window the same young person asking again is a new push (the earlier pushes aged past it).
    await app.store.db.updateTable('pa_push_notices').set({ at: new Date(Date.now() - BURST_MS - 60_000).toISOString() }).execute();
    await askToCall(phone);
    expect(await alerts.tick()).toMatchObject({ requests: 1, pushed: 1 });
  });

  it('tells whoever covers the PA today, inside the covering PA’s own hours', async () => {
    const pa = await paWithHours(NO_DAYS);
    const cover = await paWithHours(ALL_DAY);
    expect((await optIn(pa, 'away')).statusCode).toBe(200);
    expect((await optIn(cover, 'cover')).statusCode).toBe(200);
    await app.store.db.insertInto('pa_cover').values({
      id: randomUUID(), pa_id: pa.id, cover_pa_id: cover.id, council: 'Example Council A', starts_on: ukDay(), ends_on: ukDay(), created_by: cover.id, created_at: new Date().toISOString(),
    }).execute();
    await askToCall(await youngPerson(pa));
    expect(await alerts.tick()).toMatchObject({ requests: 1, pushed: 1, outsideHours: 1 });
    await pushService.waitFor(1);
    expect(pushService.received.map((r) => r.path)).toEqual(['/push/cover']);
  });

  it('ignores requests other than "Please call me"', async () => {
    const pa = await paWithHours(ALL_DAY);
    expect((await optIn(pa, 'pa-travel')).statusCode).toBe(200);
    const phone = await youngPerson(pa);
    const res = await asPhone(app, phone, { method: 'POST', url: '/api/v1/my-pa/shares', payload: { kind: 'request', id: randomUUID(), request: 'travel-help', at: new Date().toISOString() } });
    expect(res.statusCode).toBe(201);
    expect(await alerts.tick()).toMatchObject({ requests: 0, pushed: 0 });
  });

  it('forgets a subscription the push service says is gone', async () => {
    const pa = await paWithHours(ALL_DAY);
    expect((await optIn(pa, 'gone')).statusCode).toBe(200);
    pushService.answer('gone', 410);
    await askToCall(await youngPerson(pa));
    expect(await alerts.tick()).toMatchObject({ pushed: 0, subscriptionsRemoved: 1 });
    expect(await subscriptions()).toHaveLength(0);
  });

  it('refuses bad subscription bodies with a 400 naming the field, and writes nothing', async () => {
    const pa = await paWithHours(ALL_DAY);
    const good = pushService.subscribe('good');
    const cases: [string, unknown, string][] = [
      ['no endpoint', { keys: good.keys }, 'endpoint'],
      ['not a push service', { ...good, endpoint: 'https://example.test/push/1' }, 'endpoint'],
      ['a NUL in the endpoint', { ...good, endpoint: `${good.endpoint}\u0000x` }, 'endpoint'],
      ['a short key', { ...good, keys: { ...good.keys, p256dh: 'abc' } }, 'keys.p256dh'],
      ['a NUL in a key', { ...good, keys: { ...good.keys, auth: `${good.keys.auth.slice(0, 20)}\u0000` } }, 'keys.auth'],
      ['an unknown language', { ...good, language: 'fr' }, 'language'],
      ['a NUL in the language', { ...good, language: 'e\u0000n' }, 'language'],
      ['an extra field', { ...good, name: 'Example' }, ''],
    ];
    for (const [what, payload, field] of cases) {
      const res = await asStaff(app, pa, { method: 'PUT', url: '/api/v1/pa/push-subscription', payload: payload as object });
      expect(res.statusCode, what).toBe(400);
      if (field) expect(JSON.stringify(res.json()), what).toContain(field);
    }
    const badDelete = await asStaff(app, pa, { method: 'DELETE', url: '/api/v1/pa/push-subscription', payload: { endpoint: 'x\u0000' } });
    expect(badDelete.statusCode).toBe(400);
    expect(await subscriptions()).toHaveLength(0);
  });

  it('lets only that PA change their subscription', async () => {
    const pa = await paWithHours(ALL_DAY);
    const colleague = await paWithHours(ALL_DAY);
    const manager = await signedInStaff(app, 'manager', 'Example Council A');
    const mine = pushService.subscribe('mine');
    expect((await optIn(pa, 'mine')).statusCode).toBe(200);
    expect((await asStaff(app, null, { method: 'PUT', url: '/api/v1/pa/push-subscription', payload: mine })).statusCode).toBe(401);
    expect((await asStaff(app, manager, { method: 'PUT', url: '/api/v1/pa/push-subscription', payload: mine })).statusCode).toBe(403);
    // Another PA can neither take this browser's live subscription nor delete it.
    expect((await asStaff(app, colleague, { method: 'PUT', url: '/api/v1/pa/push-subscription', payload: { ...mine, endpoint: (await subscriptions())[0].endpoint } })).statusCode).toBe(409);
    expect((await asStaff(app, colleague, { method: 'DELETE', url: '/api/v1/pa/push-subscription', payload: { endpoint: (await subscriptions())[0].endpoint } })).statusCode).toBe(200);
    expect(await subscriptions()).toHaveLength(1);
    expect((await subscriptions())[0].pa_id).toBe(pa.id);
    // From another origin: refused before anything is read.
    expect((await asStaff(app, pa, { method: 'DELETE', url: '/api/v1/pa/push-subscription', headers: { origin: 'https://elsewhere.example.test' }, payload: { endpoint: mine.endpoint } })).statusCode).toBe(403);
    expect((await asStaff(app, pa, { method: 'DELETE', url: '/api/v1/pa/push-subscription', payload: { endpoint: (await subscriptions())[0].endpoint } })).statusCode).toBe(200);
    expect(await subscriptions()).toHaveLength(0);
  });

  it('ends a browser’s alerts when its PA signs out, and when the session has run out', async () => {
    const pa = await paWithHours(ALL_DAY);
    expect((await optIn(pa, 'signs-out')).statusCode).toBe(200);
    expect((await asStaff(app, pa, { method: 'POST', url: '/api/v1/pa/logout' })).statusCode).toBe(200);
    expect(await subscriptions()).toHaveLength(0);

    const again = await paWithHours(ALL_DAY);
    expect((await optIn(again, 'runs-out')).statusCode).toBe(200);
    await askToCall(await youngPerson(again));
    await app.store.db.updateTable('staff_sessions').set({ expires_at: new Date(Date.now() - 1000).toISOString() }).where('user_id', '=', again.id).execute();
    expect(await alerts.tick()).toMatchObject({ requests: 1, pushed: 0 });
    const report = await applyRetention(app.store, 30);
    expect(report.paPush).toBeGreaterThanOrEqual(1);
    expect(await subscriptions()).toHaveLength(0);
  });
});
