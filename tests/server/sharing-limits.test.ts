// Brute force: wrong passwords, pairing codes and recovery codes are slowed, then locked; and the manager's
// figures hide anything from fewer than 10 young people. On SQLite and PostgreSQL.
import { randomUUID } from 'node:crypto';

import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';

import { PER_TARGET } from '../../src/server/auth/attempts.ts';
import { checkin, push, putCheckin, registerDevice } from './helpers/api.ts';
import { DIALECTS } from './helpers/databases.ts';
import { serverForBlock } from './helpers/server.ts';
import { ageAttempts, asPhone, asStaff, connect, HOST, ORIGIN, pairingCode, signedInStaff } from './sharing-helpers.ts';

describe.each(DIALECTS)('guessing and small numbers on %s', (dialect) => {
  const server = serverForBlock(dialect);
  let app: FastifyInstance;
  beforeAll(() => {
    app = server.app;
  });

  const login = (email: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/v1/pa/login', headers: { host: HOST, origin: ORIGIN }, payload: { email, password } });

  it('slows down wrong passwords after 3 tries, locks after 10, and refuses even the right password while locked', async () => {
    const pa = await signedInStaff(app, 'pa', 'Example Council A');
    for (let i = 0; i < 3; i++) expect((await login(pa.email, 'wrong-password')).statusCode).toBe(401);
    const slowed = await login(pa.email, pa.password);
    expect(slowed.statusCode).toBe(429);
    expect(slowed.json()).toMatchObject({ error: 'slow-down', retryAfterSeconds: 1 });
    // Each wait doubles: 1 s, 2 s, 4 s …; step past each wait with another wrong guess until the lock.
    for (let failures = 3; failures < PER_TARGET.lockAfter; failures++) {
      await ageAttempts(app, `login:${pa.email}`, 1000 * 2 ** (failures - 3));
      expect((await login(pa.email, 'wrong-password')).statusCode).toBe(401);
    }
    await ageAttempts(app, `login:${pa.email}`, 60_000);
    const locked = await login(pa.email, pa.password);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error).toBe('locked');
    await ageAttempts(app, `login:${pa.email}`, PER_TARGET.lockMs);
    expect((await login(pa.email, pa.password)).statusCode).toBe(200);
  });

  it('gives the same answer for an unknown email as for a wrong password', async () => {
    const res = await login(`nobody-${randomUUID()}@example.test`, 'whatever');
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toBe('wrong-sign-in');
  });

  it('slows down and then locks a phone guessing pairing codes, even when a real code turns up', async () => {
    const pa = await signedInStaff(app, 'pa', 'Example Council A');
    const phone = await registerDevice(app);
    const personId = await personOf(phone.deviceId);
    const guess = () => asPhone(app, phone, { method: 'POST', url: '/api/v1/my-pa/connect', payload: { code: '222-222' } });
    for (let i = 0; i < 3; i++) expect((await guess()).statusCode).toBe(400);
    expect((await guess()).statusCode).toBe(429);
    for (let failures = 3; failures < PER_TARGET.lockAfter; failures++) {
      await ageAttempts(app, `pair:${personId}`, 1000 * 2 ** (failures - 3));
      expect((await guess()).statusCode).toBe(400);
    }
    await ageAttempts(app, `pair:${personId}`, 60_000);
    const real = await pairingCode(app, pa);
    const locked = await asPhone(app, phone, { method: 'POST', url: '/api/v1/my-pa/connect', payload: { code: real } });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error).toBe('locked');
  });

  it('slows down guessing one recovery code', async () => {
    const guess = () => app.inject({ method: 'POST', url: '/api/v1/recovery/restore', remoteAddress: '203.0.113.7', payload: { code: 'AAAA-BBBB-CCCC-DDDD-EEEE' } });
    for (let i = 0; i < 3; i++) expect((await guess()).statusCode).toBe(400);
    expect((await guess()).statusCode).toBe(429);
  });

  it('shows a council’s monthly figures only once 10 young people count in them, and never another council’s', async () => {
    const pa = await signedInStaff(app, 'pa', 'Example Council Figures');
    const manager = await signedInStaff(app, 'manager', 'Example Council Figures');
    const otherManager = await signedInStaff(app, 'manager', 'Example Council Elsewhere');
    const at = new Date().toISOString();
    const addYoungPerson = async (optIn: boolean) => {
      const phone = await registerDevice(app);
      await connect(app, phone, pa);
      await push(app, phone, [putCheckin(1, checkin({ at, updatedAt: at }))]);
      if (optIn) expect((await asPhone(app, phone, { method: 'PUT', url: '/api/v1/my-pa/monitoring', payload: { optIn: true } })).statusCode).toBe(200);
    };
    for (let i = 0; i < 9; i++) await addYoungPerson(true);
    await addYoungPerson(false);
    const nine = (await asStaff(app, manager, { method: 'GET', url: '/api/v1/manager/figures?months=1' })).json();
    expect(nine).toMatchObject({ council: 'Example Council Figures', participants: null });
    expect(nine.months[0].checkingIn).toBeNull();

    await addYoungPerson(true);
    const ten = (await asStaff(app, manager, { method: 'GET', url: '/api/v1/manager/figures?months=1' })).json();
    expect(ten.participants).toBe(10);
    expect(ten.months[0].checkingIn).toBe(10);
    expect(ten.months[0].ons4Averages).toBeNull();
    const elsewhere = (await asStaff(app, otherManager, { method: 'GET', url: '/api/v1/manager/figures?months=1' })).json();
    expect(elsewhere).toMatchObject({ council: 'Example Council Elsewhere', participants: null });
  });

  async function personOf(deviceId: string): Promise<string> {
    return (await app.store.db.selectFrom('devices').select('person_id').where('id', '=', deviceId).executeTakeFirstOrThrow()).person_id;
  }
});
