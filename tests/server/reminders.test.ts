// Reminders by Web Push, with a fake clock and a local stand-in for the push service that decrypts what it gets.
// Each reminder arrives once; a gone subscription (410) is removed. SQLite and PostgreSQL.
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { buildServer } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { createReminderScheduler, type ReminderScheduler } from '../../src/server/reminders/scheduler.ts';
import { webPushSender } from '../../src/server/reminders/send.ts';
import { loadVapidKeys } from '../../src/server/reminders/vapid.ts';
import type { AppointmentInput } from '../../src/shared/appointments/schema.ts';
import { auth, type Device, push, registerDevice } from './helpers/api.ts';
import { DIALECTS, freshDatabase, type TestDatabase } from './helpers/databases.ts';
import { appointment, type PushServiceStandIn, startPushServiceStandIn } from './reminders-push-service.ts';

// A stand-in push service on http://127.0.0.1; the server's own schedulers stay off (these tests drive their own with a fake clock).
const reminders = { ...loadConfig({}).reminders, allowLocalHttpEndpoints: true, enabled: false };

describe.each(DIALECTS)('reminders on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let pushService: PushServiceStandIn;
  let clock: Date;
  let scheduler: ReminderScheduler;
  let seq: number;

  const at = (iso: string) => { clock = new Date(iso); };
  const makeScheduler = () => createReminderScheduler({ store: app.store, send: webPushSender(loadVapidKeys(database.config.dataDir), { allowLocalStandIn: true }), now: () => clock });
  async function putAppointment(device: Device, record: ReturnType<typeof appointment>) {
    seq++;
    const res = await push(app, device, [{ seq, kind: 'appointment', op: 'put', id: record.id, record, clientTime: record.updatedAt }]);
    expect(res.statusCode).toBe(200);
  }
  async function subscribe(device: Device, name: string, extra: object = {}) {
    const res = await app.inject({ method: 'POST', url: '/api/v1/push/subscriptions', headers: auth(device), payload: { ...pushService.subscribe(name), ...extra } });
    expect(res.statusCode).toBe(201);
  }

  beforeEach(async () => {
    database = await freshDatabase(dialect, { reminders });
    app = await buildServer(database.config);
    pushService = await startPushServiceStandIn();
    scheduler = makeScheduler();
    seq = 0;
    at('2030-01-10T09:00:00Z');
  });
  afterEach(async () => {
    await pushService.close();
    await app.close();
    await database.drop();
  });

  it('sends each reminder once, at its time, with nothing personal in it', async () => {
    const device = await registerDevice(app);
    await subscribe(device, 'phone', { language: 'en', words: { comingUp: 'You have something coming up', open: 'Open the app to see it.' } });
    const a = appointment();
    await putAppointment(device, a);

    await scheduler.tick();
    expect(pushService.received).toHaveLength(0);
    at('2030-01-10T10:00:00Z'); // two hours before
    expect((await scheduler.tick()).sent).toBe(1);
    expect((await scheduler.tick()).sent).toBe(0);
    at('2030-01-10T11:31:00Z'); // thirty minutes before
    await scheduler.tick();
    await scheduler.tick();
    at('2030-01-10T13:00:00Z');
    await scheduler.tick();

    expect(pushService.received).toHaveLength(2);
    for (const r of pushService.received) {
      expect(r.payload).toEqual({ title: 'You have something coming up', body: 'Open the app to see it.', url: `/appointments/${a.id}`, tag: `reminder-${a.id}` });
      expect(r.authorization).toMatch(/^vapid t=.+, k=.+/);
      expect(r.topic).toMatch(/^[A-Za-z0-9_-]{1,32}$/);
    }
    expect(new Set(pushService.received.map((r) => r.topic)).size).toBe(2);
  });

  it('shows what and where only when the person chose that, in their language', async () => {
    const device = await registerDevice(app);
    await subscribe(device, 'phone', { language: 'ar', words: { comingUp: 'عندك شيء قريب', open: 'افتح التطبيق لتراه.' } });
    await putAppointment(device, appointment({ title: 'Dentist', place: 'Example Clinic 0007', showDetailsInNotification: true, reminders: [60] }));
    const hidden = appointment({ title: 'Private thing', reminders: [60] });
    await putAppointment(device, hidden);
    at('2030-01-10T11:00:00Z');
    await scheduler.tick();
    const titles = pushService.received.map((r) => r.payload.title).sort();
    expect(titles).toEqual(['Dentist', 'عندك شيء قريب']);
    expect(pushService.received.find((r) => r.payload.title === 'Dentist')!.payload.body).toContain('Example Clinic 0007');
    expect(JSON.stringify(pushService.received)).not.toContain('Private thing');
  });

  it('catches up after downtime if the appointment has not started, and never after it has', async () => {
    const device = await registerDevice(app);
    await subscribe(device, 'phone');
    await putAppointment(device, appointment({ reminders: [180, 60] })); // due 09:00 and 11:00
    const earlier = appointment({ startsAt: '2030-01-10T10:30:00.000Z', reminders: [60] }); // due 09:30, starts 10:30
    await putAppointment(device, earlier);
    at('2030-01-10T11:15:00Z'); // the server was "down" since 09:00
    const result = await scheduler.tick();
    // One push for the appointment still ahead (its two overdue reminders become one); none for the one that began.
    expect(result.sent).toBe(1);
    expect(pushService.received.map((r) => r.payload.url)).toEqual([expect.not.stringContaining(earlier.id)]);
    await scheduler.tick();
    expect(pushService.received).toHaveLength(1);
  });

  it('does not send for cancelled, deleted or moved-away reminders, and reminds again when moved', async () => {
    const device = await registerDevice(app);
    await subscribe(device, 'phone');
    const cancelled = appointment({ reminders: [60] });
    const deleted = appointment({ reminders: [60] });
    const moved = appointment({ reminders: [60] });
    for (const a of [cancelled, deleted, moved]) await putAppointment(device, a);
    await putAppointment(device, { ...cancelled, status: 'cancelled' });
    seq++;
    expect((await push(app, device, [{ seq, kind: 'appointment', op: 'delete', id: deleted.id, clientTime: '2030-01-01T00:00:00.000Z' }])).statusCode).toBe(200);
    await putAppointment(device, { ...moved, startsAt: '2030-01-11T12:00:00.000Z' });
    at('2030-01-10T11:05:00Z');
    await scheduler.tick();
    expect(pushService.received).toHaveLength(0);
    at('2030-01-11T11:05:00Z');
    await scheduler.tick();
    expect(pushService.received.map((r) => r.payload.url)).toEqual([`/appointments/${moved.id}`]);
  });

  it('sends once even when two server instances run the scheduler at the same time', async () => {
    const device = await registerDevice(app);
    await subscribe(device, 'phone');
    for (let i = 0; i < 10; i++) await putAppointment(device, appointment({ reminders: [120] }));
    at('2030-01-10T10:01:00Z');
    const other = makeScheduler();
    await Promise.all([scheduler.tick(), other.tick(), scheduler.tick(), other.tick()]);
    expect(pushService.received).toHaveLength(10);
    expect(new Set(pushService.received.map((r) => r.payload.url)).size).toBe(10);
  });

  it('removes a subscription when the push service says it is gone (410) and keeps the others', async () => {
    const device = await registerDevice(app);
    await subscribe(device, 'old-phone');
    await subscribe(device, 'new-phone');
    pushService.answer('old-phone', 410);
    await putAppointment(device, appointment({ reminders: [120, 30] }));
    at('2030-01-10T10:00:00Z');
    const result = await scheduler.tick();
    expect(result.subscriptionsRemoved).toBe(1);
    const left = await app.store.db.selectFrom('push_subscriptions').select('endpoint').execute();
    expect(left.map((s) => s.endpoint)).toEqual([expect.stringMatching(/\/push\/new-phone$/)]);
    at('2030-01-10T11:30:00Z');
    await scheduler.tick();
    expect(pushService.received.map((r) => r.path)).toEqual(['/push/new-phone', '/push/new-phone']);
  });

  it('sends nothing to a lost phone once its device is revoked', async () => {
    const device = await registerDevice(app);
    await subscribe(device, 'lost-phone');
    await putAppointment(device, appointment({ reminders: [120] }));
    await app.store.db.updateTable('devices').set({ revoked_at: '2030-01-10T09:30:00.000Z' }).where('id', '=', device.deviceId).execute();
    at('2030-01-10T10:00:00Z');
    expect((await scheduler.tick()).sent).toBe(0);
    expect(pushService.received).toHaveLength(0);
  });

  it('refuses an appointment push with 10 MB of notes with a clear message, and writes nothing', async () => {
    const device = await registerDevice(app);
    const a = appointment({ notes: 'n'.repeat(10 * 1024 * 1024) });
    const res = await push(app, device, [{ seq: 1, kind: 'appointment', op: 'put', id: a.id, record: a, clientTime: a.updatedAt }]);
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toMatch(/too large/);
    expect(await app.store.db.selectFrom('records').select('id').execute()).toEqual([]);
  });

  it('stops sending when the person turns notifications off on that phone', async () => {
    const device = await registerDevice(app);
    await subscribe(device, 'phone');
    const { endpoint } = pushService.subscribe('phone');
    const off = await app.inject({ method: 'DELETE', url: '/api/v1/push/subscriptions', headers: auth(device), payload: { endpoint } });
    expect(off.statusCode).toBe(200);
    await putAppointment(device, appointment({ reminders: [120] }));
    at('2030-01-10T10:00:00Z');
    await scheduler.tick();
    expect(pushService.received).toHaveLength(0);
  });

  it('refuses bad subscriptions with a 400 naming the field, and saves nothing', async () => {
    const device = await registerDevice(app);
    const good = pushService.subscribe('phone');
    const cases: [object, string][] = [
      [{ ...good, endpoint: 'http://10.0.0.5/internal' }, 'endpoint'],
      [{ ...good, endpoint: 'not a url' }, 'endpoint'],
      [{ ...good, keys: { ...good.keys, p256dh: 'short' } }, 'keys.p256dh'],
      [{ ...good, language: 'english please' }, 'language'],
      [{ ...good, words: { comingUp: 'x'.repeat(10_000), open: '' } }, 'words.comingUp'],
    ];
    for (const [payload, field] of cases) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/push/subscriptions', headers: auth(device), payload });
      expect(res.statusCode).toBe(400);
      expect(res.json().field).toBe(field);
    }
    const unsigned = await app.inject({ method: 'POST', url: '/api/v1/push/subscriptions', payload: good });
    expect(unsigned.statusCode).toBe(401);
    expect(await app.store.db.selectFrom('push_subscriptions').selectAll().execute()).toEqual([]);
  });

  it('refuses appointments with impossible dates, end before start, late reminders or 10 MB notes', async () => {
    const device = await registerDevice(app);
    const bad: [Partial<AppointmentInput>, string][] = [
      [{ startsAt: '2030-02-30T10:00:00Z' }, 'mutations.0.record.startsAt'],
      [{ endsAt: '2030-01-10T11:00:00Z' }, 'mutations.0.record.endsAt'],
      [{ reminders: [-10] }, 'mutations.0.record.reminders.0'],
      [{ notes: 'n'.repeat(2001) }, 'mutations.0.record.notes'],
    ];
    for (const [overrides, field] of bad) {
      const a = appointment(overrides);
      const res = await push(app, device, [{ seq: 1, kind: 'appointment', op: 'put', id: a.id, record: a, clientTime: a.updatedAt }]);
      expect(res.statusCode).toBe(400);
      expect(res.json().field).toBe(field);
    }
    const rows = await app.store.db.selectFrom('records').select('id').execute();
    expect(rows).toEqual([]);
  });

  it('gives the VAPID public key, the same one after a restart', async () => {
    const first = (await app.inject({ method: 'GET', url: '/api/v1/push/key' })).json().publicKey;
    expect(first).toMatch(/^[A-Za-z0-9_-]{80,90}$/);
    await app.close();
    app = await buildServer(database.config);
    expect((await app.inject({ method: 'GET', url: '/api/v1/push/key' })).json().publicKey).toBe(first);
  });
});
