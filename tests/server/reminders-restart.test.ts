// The real server process, SIGKILLed and restarted while reminders fall due: each reminder still arrives exactly once,
// including the one that fell due while it was down. The clock is a file the test moves. SQLite and PostgreSQL.
import fs from 'node:fs';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { type ChildServer, startChildServer } from './helpers/child-server.ts';
import { DIALECTS, freshDatabase, type TestDatabase } from './helpers/databases.ts';
import { appointment, type PushServiceStandIn, startPushServiceStandIn } from './reminders-push-service.ts';

describe.each(DIALECTS)('reminders across a SIGKILL on %s', (dialect) => {
  let database: TestDatabase;
  let pushService: PushServiceStandIn;
  const servers: ChildServer[] = [];

  afterEach(async () => {
    for (const server of servers.splice(0)) await server.kill();
    await pushService?.close();
    await database?.drop();
  });

  it('delivers every reminder once, catching up on the one that fell due while it was down', async () => {
    database = await freshDatabase(dialect);
    pushService = await startPushServiceStandIn();
    const clockFile = path.join(database.config.dataDir, 'clock.txt');
    const setClock = (iso: string) => fs.writeFileSync(clockFile, iso);
    setClock('2030-01-10T08:00:00Z');
    const env = { ...database.env, TEST_CLOCK_FILE: clockFile, REMINDER_TICK_MS: '50', TEST_PUSH_ALLOW_LOCAL_HTTP: '1' };
    const start = async () => { const s = await startChildServer(env); servers.push(s); return s; };
    let server = await start();

    const call = async (method: string, url: string, body: unknown, token?: string) => {
      const res = await fetch(server.url + url, {
        method, body: JSON.stringify(body),
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      });
      expect(res.status, await res.clone().text()).toBeLessThan(300);
      return res.json();
    };
    const device = await call('POST', '/api/v1/devices', {});
    await call('POST', '/api/v1/push/subscriptions', pushService.subscribe('phone'), device.token);
    let seq = 0;
    const putAppointment = (a: ReturnType<typeof appointment>) =>
      call('POST', '/api/v1/sync/push', { deviceId: device.deviceId, mutations: [{ seq: ++seq, kind: 'appointment', op: 'put', id: a.id, record: a, clientTime: a.updatedAt }] }, device.token);

    const main = appointment({ reminders: [180, 120, 60] }); // due 09:00, 10:00, 11:00; starts 12:00
    await putAppointment(main);

    setClock('2030-01-10T09:00:00Z');
    await pushService.waitFor(1);
    await server.kill('SIGKILL');

    setClock('2030-01-10T10:05:00Z'); // the 10:00 reminder falls due while the server is down
    server = await start();
    await pushService.waitFor(2);
    await server.kill('SIGKILL');
    server = await start();

    setClock('2030-01-10T11:00:00Z');
    await pushService.waitFor(3);
    // A last reminder, sent after everything before it: had anything been sent twice, it would have arrived first.
    const sentinel = appointment({ startsAt: '2030-01-10T11:30:00.000Z', reminders: [20] });
    await putAppointment(sentinel);
    setClock('2030-01-10T11:10:00Z');
    await pushService.waitFor(4);

    expect(pushService.received).toHaveLength(4);
    expect(pushService.received.map((r) => r.payload.url)).toEqual([...Array(3).fill(`/appointments/${main.id}`), `/appointments/${sentinel.id}`]);
    expect(new Set(pushService.received.map((r) => r.topic)).size).toBe(4);
  });
});
