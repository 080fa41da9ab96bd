// SIGKILL the real server in the middle of a 500-mutation push: after a restart and a retry, every mutation is
// applied exactly once and lastSeq matches the data (all of the killed push or none of it). SQLite and PostgreSQL.
import { afterEach, describe, expect, it } from 'vitest';

import type { Mutation } from '../../src/shared/sync.ts';
import { checkin, type Device, putCheckin } from './helpers/api.ts';
import { type ChildServer, startChildServer, waitForStderr } from './helpers/child-server.ts';
import { DIALECTS, freshDatabase, type TestDatabase } from './helpers/databases.ts';
import { pullEverything, viaHttp } from './helpers/test-phone.ts';

async function call(server: ChildServer, method: string, url: string, device?: Device, body?: unknown) {
  const headers: Record<string, string> = {};
  if (device) headers.authorization = `Bearer ${device.token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(server.url + url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, json: await res.json() };
}

describe.each(DIALECTS)('a server killed mid-push on %s', (dialect) => {
  let database: TestDatabase;
  const servers: ChildServer[] = [];
  const start = async (extra: Record<string, string> = {}) => {
    const server = await startChildServer({ ...database.env, ...extra });
    servers.push(server);
    return server;
  };

  afterEach(async () => {
    for (const server of servers.splice(0)) await server.kill();
    await database?.drop();
  });

  for (const when of ['inside the transaction', 'right after the request is sent'] as const) {
    it(`keeps every mutation exactly once when killed ${when}`, async () => {
      database = await freshDatabase(dialect);
      const hooked = when === 'inside the transaction';
      let server = await start(hooked ? { TEST_DELAY_IN_PUSH_MS: '1500' } : {});
      const phone = (await call(server, 'POST', '/api/v1/devices', undefined, {})).json as Device;
      const records = Array.from({ length: 505 }, (_, i) => checkin({ mood: ((i % 5) + 1) as 1, note: `check-in ${i}` }));
      const mutations: Mutation[] = records.map((r, i) => putCheckin(i + 1, r));
      // Five mutations acknowledged before the crash.
      expect((await call(server, 'POST', '/api/v1/sync/push', phone, { deviceId: phone.deviceId, mutations: mutations.slice(0, 5) })).json).toEqual({ lastSeq: 5 });

      const big = { deviceId: phone.deviceId, mutations: mutations.slice(5) };
      const inFlight = call(server, 'POST', '/api/v1/sync/push', phone, big).catch((e: unknown) => e);
      // With the hook, wait until the big push (the second one to reach it) holds its transaction open.
      if (hooked) await waitForStderr(server, 'test hook: holding push transaction open', 2);
      else await new Promise((r) => setTimeout(r, 5));
      await server.kill('SIGKILL');
      const outcome = await inFlight;

      server = await start();
      const afterCrash = await pullEverything(viaHttp(() => server.url), phone);
      // All or nothing: lastSeq and the records agree.
      expect([5, 505]).toContain(afterCrash.lastSeq);
      expect(afterCrash.changes).toHaveLength(afterCrash.lastSeq);
      if (hooked) {
        expect(outcome).toBeInstanceOf(Error);
        expect(afterCrash.lastSeq).toBe(5);
      }

      // The phone never saw an answer, so it retries the same batch, twice for good measure.
      for (let i = 0; i < 2; i++) {
        expect((await call(server, 'POST', '/api/v1/sync/push', phone, big)).json).toEqual({ lastSeq: 505 });
      }
      const final = await pullEverything(viaHttp(() => server.url), phone);
      expect(final.lastSeq).toBe(505);
      expect(final.changes.map((c) => c.id)).toEqual(records.map((r) => r.id));
      expect(final.changes.map((c) => c.record)).toEqual(records);
      // 505 mutations, 505 versions: nothing was applied twice (the killed transaction's versions were rolled back).
      expect(final.changes.map((c) => c.version)).toEqual(records.map((_, i) => i + 1));
    });
  }
});
