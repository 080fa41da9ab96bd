// The manager's figures over time (issue 16), on SQLite and PostgreSQL: the last 12 months, and how the service is
// doing (young people connected, requests made, median time until seen, share seen within one working day), from
// young people who chose to be counted only; every figure from at least 10 people or hidden, and a figure that
// can't be differenced: one more person does not move it, five more do.
import { randomUUID } from 'node:crypto';

import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';

import { MIN_CHANGE } from '../../src/shared/sharing/monitoring.ts';
import { oneWorkingDayAfter } from '../../src/shared/sharing/operational.ts';
import { registerDevice } from './helpers/api.ts';
import { DIALECTS } from './helpers/databases.ts';
import { serverForBlock } from './helpers/server.ts';
import { asPhone, asStaff, connect, signedInStaff, type Staff } from './sharing-helpers.ts';

describe.each(DIALECTS)('manager figures over time on %s', (dialect) => {
  const server = serverForBlock(dialect);
  let app: FastifyInstance;
  beforeAll(() => {
    app = server.app;
  });

  /** A young person who asks their PA to call; `counted` when they chose to be counted; the PA sees it `lateHours` later. */
  async function asksToCall(pa: Staff, { counted = true, lateHours = 0 } = {}) {
    const phone = await registerDevice(app);
    await connect(app, phone, pa);
    if (counted) expect((await asPhone(app, phone, { method: 'PUT', url: '/api/v1/my-pa/monitoring', payload: { optIn: true } })).statusCode).toBe(200);
    const id = randomUUID();
    expect((await asPhone(app, phone, { method: 'POST', url: '/api/v1/my-pa/shares', payload: { kind: 'request', id, request: 'call-me', at: new Date().toISOString() } })).statusCode).toBe(201);
    expect((await asStaff(app, pa, { method: 'POST', url: `/api/v1/pa/shares/${id}/seen`, payload: {} })).statusCode).toBeLessThan(300);
    if (lateHours) {
      // As if the PA saw it `lateHours` after it was shared (moving the seeing, so the sharing stays in this month).
      const row = await app.store.db.selectFrom('shares').select(['shared_at']).where('id', '=', id).executeTakeFirstOrThrow();
      const seenAt = new Date(Date.parse(row.shared_at) + lateHours * 3_600_000).toISOString();
      await app.store.db.updateTable('shares').set({ seen_at: seenAt }).where('id', '=', id).execute();
    }
  }

  it('gives 12 months of figures with the service’s own, hidden under 10 people and steady against differencing', async () => {
    const council = `Example Council Service ${dialect}`;
    const pa = await signedInStaff(app, 'pa', council);
    const manager = await signedInStaff(app, 'manager', council);
    const figures = async () => (await asStaff(app, manager, { method: 'GET', url: '/api/v1/manager/figures?months=12' })).json();

    for (let i = 0; i < 9; i++) await asksToCall(pa);
    // Someone who did not choose to be counted never is.
    await asksToCall(pa, { counted: false });
    const atNine = await figures();
    expect(atNine.months).toHaveLength(12);
    expect(atNine.operational).toHaveLength(12);
    expect(atNine.operational[0]).toMatchObject({ connected: null, requests: null, medianHoursToSeen: null, seenWithinWorkingDay: null });

    await asksToCall(pa);
    const atTen = (await figures()).operational[0];
    expect(atTen).toMatchObject({ connected: 10, requests: 10, medianHoursToSeen: 0, seenWithinWorkingDay: 1 });

    // An 11th person whose request waited 80 hours: a fresh share would be 10/11 and give them away.
    await asksToCall(pa, { lateHours: 80 });
    expect((await figures()).operational[0]).toEqual(atTen);

    for (let i = 1; i < MIN_CHANGE; i++) await asksToCall(pa, { lateHours: 80 });
    const atFifteen = (await figures()).operational[0];
    expect(atFifteen.connected).toBe(15);
    expect(atFifteen.requests).toBe(15);
    expect(atFifteen.seenWithinWorkingDay).toBe(Math.round((10 / 15) * 20) / 20);
  });

  it('counts a working day past the weekend', () => {
    // Friday 10:00 in London (winter) → Monday 10:00; Tuesday → Wednesday.
    expect(new Date(oneWorkingDayAfter('2030-01-11T10:00:00.000Z')).toISOString()).toBe('2030-01-14T10:00:00.000Z');
    expect(new Date(oneWorkingDayAfter('2030-01-08T10:00:00.000Z')).toISOString()).toBe('2030-01-09T10:00:00.000Z');
  });
});
