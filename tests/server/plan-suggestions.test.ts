// A PA suggests a step on a goal a young person shared: checked at the door, only on a goal shared with that PA,
// shown only while it stays shared, answered (deleted) by the phone, and gone with "Delete my data".
import { randomUUID } from 'node:crypto';

import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';

import type { Goal } from '../../src/shared/plan/goals.ts';
import { type Device, push, registerDevice } from './helpers/api.ts';
import { DIALECTS } from './helpers/databases.ts';
import { serverForBlock } from './helpers/server.ts';
import { asPhone, asStaff, connect, signedInStaff } from './sharing-helpers.ts';

const goal = (sharedWithPa: boolean, id = randomUUID()): Goal => ({
  id, text: 'Example: start college', area: 'work', onHold: false, steps: [], sharedWithPa, createdAt: '2026-12-01T09:00:00.000Z', updatedAt: new Date().toISOString(),
});

describe.each(DIALECTS)('steps a PA suggests on a shared goal, on %s', (dialect) => {
  const server = serverForBlock(dialect);
  let app: FastifyInstance;
  beforeAll(() => {
    app = server.app;
  });

  async function personOf(phone: Device): Promise<string> {
    return (await app.store.db.selectFrom('devices').select('person_id').where('id', '=', phone.deviceId).executeTakeFirstOrThrow()).person_id;
  }

  it('takes a suggestion only on a goal shared with that PA, shows it while shared, and lets the phone answer it', async () => {
    const pa = await signedInStaff(app, 'pa', 'Example Council');
    const otherPa = await signedInStaff(app, 'pa', 'Example Council');
    const phone = await registerDevice(app);
    await connect(app, phone, pa);
    const shared = goal(true);
    const private_ = goal(false);
    let seq = 1;
    const put = (g: Goal) => ({ seq: seq++, kind: 'goal', op: 'put' as const, id: g.id, record: g, clientTime: g.updatedAt });
    expect((await push(app, phone, [put(shared), put(private_)])).statusCode).toBe(200);
    const personId = await personOf(phone);
    const suggest = (who: typeof pa, goalId: string, payload: Record<string, unknown>) =>
      asStaff(app, who, { method: 'POST', url: `/api/v1/pa/people/${personId}/goals/${goalId}/suggestions`, payload });

    const bad = await suggest(pa, shared.id, { text: '', due: 'Friday' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('text');
    expect((await suggest(pa, shared.id, { text: 'Example step', due: 'Friday' })).json().field).toBe('due');
    expect((await suggest(pa, private_.id, { text: 'Example step' })).statusCode).toBe(404);
    expect((await suggest(otherPa, shared.id, { text: 'Example step' })).statusCode).toBe(404);
    expect(await app.store.db.selectFrom('goal_suggestions').selectAll().where('person_id', '=', personId).execute()).toEqual([]);

    const made = await suggest(pa, shared.id, { text: 'Example: ask about a bursary', due: '2026-12-10' });
    expect(made.statusCode, made.body).toBe(201);
    const onPhone = await asPhone(app, phone, { method: 'GET', url: '/api/v1/my-pa/suggestions' });
    expect(onPhone.json().suggestions).toEqual([expect.objectContaining({ goalId: shared.id, text: 'Example: ask about a bursary', due: '2026-12-10' })]);
    expect((await asStaff(app, otherPa, { method: 'GET', url: `/api/v1/pa/people/${personId}/suggestions` })).statusCode).toBe(404);

    // Unshared: the suggestion is hidden from both at once.
    expect((await push(app, phone, [put({ ...shared, sharedWithPa: false, updatedAt: new Date().toISOString() })])).statusCode).toBe(200);
    expect((await asPhone(app, phone, { method: 'GET', url: '/api/v1/my-pa/suggestions' })).json().suggestions).toEqual([]);
    expect((await asStaff(app, pa, { method: 'GET', url: `/api/v1/pa/people/${personId}/suggestions` })).json().suggestions).toEqual([]);

    // Shared again: it is back, and answering it removes it; someone else's phone cannot.
    expect((await push(app, phone, [put({ ...shared, sharedWithPa: true, updatedAt: new Date().toISOString() })])).statusCode).toBe(200);
    const [waiting] = (await asPhone(app, phone, { method: 'GET', url: '/api/v1/my-pa/suggestions' })).json().suggestions as { id: string }[];
    const stranger = await registerDevice(app);
    expect((await asPhone(app, stranger, { method: 'DELETE', url: `/api/v1/my-pa/suggestions/${waiting.id}` })).statusCode).toBe(404);
    expect((await asPhone(app, phone, { method: 'DELETE', url: `/api/v1/my-pa/suggestions/${waiting.id}` })).statusCode).toBe(200);
    expect((await asStaff(app, pa, { method: 'GET', url: `/api/v1/pa/people/${personId}/suggestions` })).json().suggestions).toEqual([]);

    // Delete my data everywhere: nothing of theirs is left in the suggestions either.
    expect((await suggest(pa, shared.id, { text: 'Example: another step' })).statusCode).toBe(201);
    expect((await asPhone(app, phone, { method: 'POST', url: '/api/v1/my-data/delete', payload: { everywhere: true } })).statusCode).toBe(200);
    expect(await app.store.db.selectFrom('goal_suggestions').selectAll().where('person_id', '=', personId).execute()).toEqual([]);
  });
});
