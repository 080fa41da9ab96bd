// My devices: a person sees only their own phones (last seen, "this phone") and signs one out; the signed-out phone
// is told `device-signed-out` on every call, sync included. On SQLite and PostgreSQL.
import { randomUUID } from 'node:crypto';

import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';

import { checkin, type Device, push, putCheckin, registerDevice } from './helpers/api.ts';
import { DIALECTS } from './helpers/databases.ts';
import { serverForBlock } from './helpers/server.ts';
import { asPhone } from './sharing-helpers.ts';

type Listed = { id: string; createdAt: string; lastSeenAt: string; thisDevice: boolean };

describe.each(DIALECTS)('my devices on %s', (dialect) => {
  const server = serverForBlock(dialect);
  let app: FastifyInstance;
  beforeAll(() => {
    app = server.app;
  });

  async function twoPhonesOfOnePerson(): Promise<[Device, Device]> {
    const first = await registerDevice(app);
    const linkCode = (await asPhone(app, first, { method: 'POST', url: '/api/v1/devices/link-codes' })).json().code;
    return [first, await registerDevice(app, linkCode)];
  }
  const list = async (phone: Device): Promise<Listed[]> => {
    const response = await asPhone(app, phone, { method: 'GET', url: '/api/v1/my-devices' });
    expect(response.statusCode).toBe(200);
    return response.json().devices;
  };

  it('lists only this person’s phones, each with when it was last seen, and marks this phone', async () => {
    const [first, second] = await twoPhonesOfOnePerson();
    const stranger = await registerDevice(app);
    const mine = await list(second);
    expect(mine.map((d) => d.id).sort()).toEqual([first.deviceId, second.deviceId].sort());
    expect(mine.filter((d) => d.thisDevice).map((d) => d.id)).toEqual([second.deviceId]);
    for (const d of mine) expect(Number.isNaN(Date.parse(d.lastSeenAt))).toBe(false);
    // Only what the list needs: no token, no person id.
    expect(Object.keys(mine[0]).sort()).toEqual(['createdAt', 'id', 'lastSeenAt', 'thisDevice']);
    expect((await list(stranger)).map((d) => d.id)).toEqual([stranger.deviceId]);
  });

  it('signs another phone out: it gets device-signed-out on sync and everything else, and leaves the list', async () => {
    const [first, second] = await twoPhonesOfOnePerson();
    expect((await push(app, second, [putCheckin(1, checkin())])).statusCode).toBe(200);

    const out = await asPhone(app, first, { method: 'DELETE', url: `/api/v1/my-devices/${second.deviceId}` });
    expect(out.statusCode).toBe(200);
    expect(out.json()).toEqual({ id: second.deviceId, signedOut: true });
    expect((await list(first)).map((d) => d.id)).toEqual([first.deviceId]);

    for (const request of [
      () => push(app, second, [putCheckin(2, checkin())]),
      () => asPhone(app, second, { method: 'GET', url: '/api/v1/sync/pull' }),
      () => asPhone(app, second, { method: 'GET', url: '/api/v1/my-devices' }),
      () => asPhone(app, second, { method: 'DELETE', url: `/api/v1/my-devices/${first.deviceId}` }),
    ]) {
      const response = await request();
      expect(response.statusCode).toBe(401);
      expect(response.json()).toMatchObject({ error: 'device-signed-out' });
    }
    // The phone still in use keeps working, and the signed-out one cannot be signed out twice.
    expect((await push(app, first, [putCheckin(1, checkin())])).statusCode).toBe(200);
    expect((await asPhone(app, first, { method: 'DELETE', url: `/api/v1/my-devices/${second.deviceId}` })).statusCode).toBe(404);
  });

  it('answers 404 for anyone else’s phone or a phone that does not exist, and changes nothing', async () => {
    const [first, second] = await twoPhonesOfOnePerson();
    const stranger = await registerDevice(app);
    for (const id of [second.deviceId, randomUUID()]) {
      const response = await asPhone(app, stranger, { method: 'DELETE', url: `/api/v1/my-devices/${id}` });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ error: 'not-found' });
    }
    expect((await list(first)).map((d) => d.id).sort()).toEqual([first.deviceId, second.deviceId].sort());
  });

  it('refuses a bad id or query with 400 naming the field, and a call without a device with 401', async () => {
    const [first] = await twoPhonesOfOnePerson();
    const badId = await asPhone(app, first, { method: 'DELETE', url: '/api/v1/my-devices/not-a-uuid' });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().field).toBe('id');
    const badQuery = await asPhone(app, first, { method: 'GET', url: '/api/v1/my-devices?all=1' });
    expect(badQuery.statusCode).toBe(400);
    expect((await asPhone(app, null, { method: 'GET', url: '/api/v1/my-devices' })).statusCode).toBe(401);
    expect((await list(first)).map((d) => d.id)).toHaveLength(2);
  });
});
