// A manager's My plan figures on the real server: only people who chose to count, only their own council, hidden
// under 10 people, and not moved by one more person (no differencing). On SQLite and PostgreSQL.
import { randomUUID } from 'node:crypto';

import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';

import type { Goal } from '../../src/shared/plan/goals.ts';
import { push, registerDevice } from './helpers/api.ts';
import { DIALECTS } from './helpers/databases.ts';
import { serverForBlock } from './helpers/server.ts';
import { asPhone, asStaff, connect, signedInStaff, type Staff } from './sharing-helpers.ts';

describe.each(DIALECTS)('My plan figures for a manager on %s', (dialect) => {
  const server = serverForBlock(dialect);
  let app: FastifyInstance;
  beforeAll(() => {
    app = server.app;
  });

  async function addYoungPerson(pa: Staff, optIn: boolean) {
    const phone = await registerDevice(app);
    await connect(app, phone, pa);
    const at = new Date().toISOString();
    const goal: Goal = {
      id: randomUUID(), text: 'Example: get my own flat (private words, never in figures)', area: 'home', onHold: false, sharedWithPa: false, createdAt: at, updatedAt: at,
      steps: [{ id: randomUUID(), text: 'Example step', doneAt: at }, { id: randomUUID(), text: 'Example step 2', doneAt: at }],
    };
    expect((await push(app, phone, [{ seq: 1, kind: 'goal', op: 'put', id: goal.id, record: goal, clientTime: at }])).statusCode).toBe(200);
    if (optIn) expect((await asPhone(app, phone, { method: 'PUT', url: '/api/v1/my-pa/monitoring', payload: { optIn: true } })).statusCode).toBe(200);
  }

  it('counts only people who chose to count, hides under 10, and one more person changes nothing', async () => {
    const council = `Example Council Plan ${dialect}`;
    const pa = await signedInStaff(app, 'pa', council);
    const manager = await signedInStaff(app, 'manager', council);
    const elsewhere = await signedInStaff(app, 'manager', `Example Council Elsewhere ${dialect}`);
    const figures = async (who = manager) => (await asStaff(app, who, { method: 'GET', url: '/api/v1/manager/plan-figures?months=1' })).json();
    for (let i = 0; i < 9; i++) await addYoungPerson(pa, true);
    for (let i = 0; i < 3; i++) await addYoungPerson(pa, false);
    const atNine = await figures();
    expect(atNine.withGoals).toBeNull();
    expect(atNine.months[0].stepsDone.home).toBeNull();
    expect(JSON.stringify(atNine)).not.toContain('private words');

    await addYoungPerson(pa, true);
    const atTen = await figures();
    expect(atTen.withGoals).toBe(10);
    expect(atTen.months[0].stepsDone.home).toBe(20);
    expect(atTen.months[0].stepsDone.money).toBeNull();

    await addYoungPerson(pa, true);
    expect(await figures()).toEqual(atTen);
    expect((await figures(elsewhere)).withGoals).toBeNull();
    // Refused, never clamped: 0 or 25 months is not a smaller or larger window the manager did not ask for.
    for (const months of ['lots', '0', '25', '-1', '6.5']) {
      for (const url of [`/api/v1/manager/plan-figures?months=${months}`, `/api/v1/manager/figures?months=${months}`]) {
        const bad = await asStaff(app, manager, { method: 'GET', url });
        expect(bad.statusCode, url).toBe(400);
        expect(bad.json().field).toBe('months');
      }
    }
    expect((await asStaff(app, pa, { method: 'GET', url: '/api/v1/manager/plan-figures' })).statusCode).toBe(403);
  });
});
