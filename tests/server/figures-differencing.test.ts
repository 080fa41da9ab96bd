// The differencing attack through the real API: read a month's figures at 10 people, add an 11th, read again. The
// 11th person's answers must not show (issue 11 item 12): the figures stay as released until 5 people have changed.
import { randomUUID } from 'node:crypto';

import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';

import { MIN_CHANGE } from '../../src/shared/sharing/monitoring.ts';
import { push, registerDevice } from './helpers/api.ts';
import { DIALECTS } from './helpers/databases.ts';
import { serverForBlock } from './helpers/server.ts';
import { asPhone, asStaff, connect, signedInStaff, type Staff } from './sharing-helpers.ts';

describe.each(DIALECTS)('manager figures can’t be differenced on %s', (dialect) => {
  const server = serverForBlock(dialect);
  let app: FastifyInstance;
  beforeAll(() => {
    app = server.app;
  });

  async function addYoungPerson(pa: Staff, answers: { life: number; worthwhile: number; happy: number; anxious: number }) {
    const phone = await registerDevice(app);
    await connect(app, phone, pa);
    const at = new Date().toISOString();
    const record = { id: randomUUID(), at, ...answers, sharedWithPa: false, updatedAt: at };
    expect((await push(app, phone, [{ seq: 1, kind: 'ons4', op: 'put', id: record.id, record, clientTime: at }])).statusCode).toBe(200);
    expect((await asPhone(app, phone, { method: 'PUT', url: '/api/v1/my-pa/monitoring', payload: { optIn: true } })).statusCode).toBe(200);
  }

  it('shows the same figures after one more person answers, and new ones only after 5 more', async () => {
    const council = `Example Council Differencing ${dialect}`;
    const pa = await signedInStaff(app, 'pa', council);
    const manager = await signedInStaff(app, 'manager', council);
    const figures = async () => (await asStaff(app, manager, { method: 'GET', url: '/api/v1/manager/figures?months=1' })).json().months[0];
    for (let i = 0; i < 10; i++) await addYoungPerson(pa, { life: 7, worthwhile: 7, happy: 7, anxious: 2 });
    const atTen = await figures();
    expect(atTen.ons4Averages).toEqual({ life: 7, worthwhile: 7, happy: 7, anxious: 2 });

    // The 11th person answers 0, 0, 0, 10: a fresh average would move life from 7 to 6 and give them away.
    await addYoungPerson(pa, { life: 0, worthwhile: 0, happy: 0, anxious: 10 });
    expect(await figures()).toEqual(atTen);

    for (let i = 1; i < MIN_CHANGE; i++) await addYoungPerson(pa, { life: 0, worthwhile: 0, happy: 0, anxious: 10 });
    const atFifteen = await figures();
    expect(atFifteen.ons4Averages.life).toBe(Math.round((10 * 7) / 15));
    expect(atFifteen.ons4Respondents).toBe(15);
  });
});
