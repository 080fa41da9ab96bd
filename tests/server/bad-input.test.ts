// Fuzz every endpoint with malformed requests: each gets a 4xx (never 2xx, never 5xx), nothing is written,
// nothing is polluted, and the server stays healthy. 1,000+ requests per endpoint on SQLite, fewer on PostgreSQL.
import type { FastifyInstance, InjectOptions } from 'fastify';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { revokeDevice } from '../../src/server/admin/devices.ts';
import { buildServer } from '../../src/server/app.ts';
import { pullQuerySchema, pushRequestSchema, registerDeviceSchema } from '../../src/shared/sync.ts';
import { registerDevice, type Device } from './helpers/api.ts';
import { freshDatabase, type TestDatabase } from './helpers/databases.ts';
import { checkinFields, corrupted, junkValue, malformedBody, type RawRequest } from './helpers/malformed.ts';

const RUNS = { sqlite: 1000, postgres: 150 } as const;
const WRONG_METHODS = ['PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;

describe.each(['sqlite', 'postgres'] as const)('malformed requests on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let phone: Device;
  let revoked: Device;
  const numRuns = RUNS[dialect];

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    app = await buildServer(database.config);
    phone = await registerDevice(app);
    revoked = await registerDevice(app);
    await revokeDevice(app.store, revoked.deviceId);
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  /** Everything a bad request could have changed. */
  async function snapshot() {
    const { db } = app.store;
    const count = async (table: 'people' | 'devices' | 'records' | 'services' | 'link_codes') =>
      Number((await db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
    return {
      people: await count('people'), devices: await count('devices'), records: await count('records'),
      services: await count('services'), linkCodes: await count('link_codes'),
      version: Number((await db.selectFrom('sync_meta').select('version').executeTakeFirstOrThrow()).version),
      lastSeqs: (await db.selectFrom('devices').select('last_seq').orderBy('id').execute()).map((r) => Number(r.last_seq)),
    };
  }

  const goodAuth = () => ({ authorization: `Bearer ${phone.token}` });
  const badAuth = fc.oneof(
    fc.constant({}),
    fc.constantFrom('Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'Token abc', `Bearer ${'A'.repeat(43)}`, `Bearer ${'A'.repeat(44)}`, 'Bearer ../../etc/passwd')
      .map((authorization) => ({ authorization })),
    fc.string({ maxLength: 80 }).map((s) => ({ authorization: `Bearer ${s}` })),
    fc.constant(null).map(() => ({ authorization: `bearer ${phone.token}` })),
    fc.constant(null).map(() => ({ authorization: `Bearer ${phone.token}x` })),
    fc.constant(null).map(() => ({ authorization: `Bearer ${revoked.token}` })),
  );
  const withBody = (method: string, url: string, auth: Record<string, string>) => (b: { contentType: string; payload: string }): RawRequest =>
    ({ method, url, headers: { ...auth, 'content-type': b.contentType }, payload: b.payload });
  const wrongMethod = (url: string) => fc.tuple(fc.constantFrom(...WRONG_METHODS), fc.string({ maxLength: 20 }))
    .map(([method, payload]): RawRequest => ({ method, url, headers: { 'content-type': 'application/json' }, payload: JSON.stringify(payload) }));

  async function expectAllRejected(requests: fc.Arbitrary<RawRequest>) {
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(requests, async (request) => {
        const res = await app.inject(request as InjectOptions);
        expect(res.statusCode, `${request.method} ${request.url} ${request.payload?.slice(0, 200)} → ${res.body.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(500);
        if (request.method !== 'OPTIONS') expect(res.json()).toHaveProperty('error');
      }),
      { numRuns },
    );
    expect(await snapshot()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const health = await app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(health.statusCode).toBe(200);
  }

  it('refuses every malformed device registration', async () => {
    const isAccepted = (b: unknown) => {
      const parsed = registerDeviceSchema.safeParse(b);
      return parsed.success && parsed.data.linkCode === undefined;
    };
    const bodies = fc.oneof(
      junkValue,
      corrupted(fc.constant({ linkCode: 'ABCD-EFGH-JK' }), [[], ['linkCode']] as (string | number)[][],
        fc.constantFrom<[(string | number)[], unknown]>([['linkCode'], 'abc'], [['linkCode'], 'x'.repeat(33)], [['linkCode'], 123], [['linkCode'], null])),
    );
    await expectAllRejected(fc.oneof(
      { weight: 9, arbitrary: malformedBody(bodies, isAccepted).map(withBody('POST', '/api/v1/devices', {})) },
      { weight: 1, arbitrary: wrongMethod('/api/v1/devices') },
    ));
  });

  it('refuses every malformed or unauthenticated link-code request', async () => {
    const isAccepted = (b: unknown) => b !== null && typeof b === 'object' && !Array.isArray(b) && Object.keys(b).length === 0;
    const bodies = fc.oneof(junkValue, fc.dictionary(fc.string({ minLength: 1, maxLength: 10 }), junkValue, { minKeys: 1 }));
    await expectAllRejected(fc.oneof(
      { weight: 6, arbitrary: malformedBody(bodies, isAccepted).map((b) => withBody('POST', '/api/v1/devices/link-codes', goodAuth())(b)) },
      { weight: 3, arbitrary: fc.tuple(badAuth, fc.constantFrom('{}', '')).map(([auth, payload]): RawRequest => ({ method: 'POST', url: '/api/v1/devices/link-codes', headers: { ...auth, 'content-type': 'application/json' }, payload: payload || '{}' })) },
      { weight: 1, arbitrary: wrongMethod('/api/v1/devices/link-codes') },
    ));
  });

  it('refuses every malformed or unauthenticated push', async () => {
    const validPush = fc.tuple(fc.array(checkinFields, { minLength: 1, maxLength: 3 }), fc.array(fc.uuid({ version: 4 }), { minLength: 3, maxLength: 3 }))
      .map(([records, ids]) => ({
        deviceId: phone.deviceId,
        mutations: records.map((r, i) => ({ seq: i + 1, kind: 'checkin', op: 'put', id: ids[i], record: { id: ids[i], ...r }, clientTime: r.at })),
      }));
    const m = (...rest: (string | number)[]) => ['mutations', 0, ...rest];
    const paths = [[], ['deviceId'], ['mutations'], m(), m('seq'), m('kind'), m('op'), m('id'), m('record'), m('clientTime'),
      m('record', 'id'), m('record', 'mood'), m('record', 'at'), m('record', 'note'), m('record', 'hard'), m('record', 'good'),
      m('record', 'feelings'), m('record', 'sharedWithPa'), m('record', 'updatedAt'), ['mutations', 1, 'seq']];
    const special = fc.constantFrom<[(string | number)[], unknown]>(
      [m('record', 'mood'), 0], [m('record', 'mood'), 6], [m('record', 'mood'), 3.5], [m('record', 'mood'), '3'],
      [m('seq'), -1], [m('seq'), 0], [m('seq'), 2 ** 53], [m('seq'), 1e300], [m('seq'), 5],
      [['deviceId'], '00000000-0000-4000-8000-000000000000'], [m('id'), 'not-a-uuid'], [m('op'), 'delete'], [m('kind'), 'service'],
      [m('record', 'note'), 'x'.repeat(2001)], [m('record', 'hard'), ['home', 'home', 'home', 'home', 'home', 'home', 'home', 'home', 'home']],
      [m('record', 'good'), ['home']], [m('record', 'hard'), ['home']], [m('clientTime'), 'yesterday'], [['mutations'], new Array(501).fill(0)],
    );
    const isAccepted = (b: unknown) => {
      const parsed = pushRequestSchema.safeParse(b);
      return parsed.success && parsed.data.deviceId === phone.deviceId && (parsed.data.mutations.length === 0 || parsed.data.mutations[0].seq <= 1);
    };
    await expectAllRejected(fc.oneof(
      { weight: 7, arbitrary: malformedBody(fc.oneof({ weight: 5, arbitrary: corrupted(validPush, paths, special) }, { weight: 1, arbitrary: junkValue }), isAccepted)
        .map((b) => withBody('POST', '/api/v1/sync/push', goodAuth())(b)) },
      { weight: 2, arbitrary: fc.tuple(badAuth, validPush).map(([auth, body]): RawRequest => ({ method: 'POST', url: '/api/v1/sync/push', headers: { ...auth, 'content-type': 'application/json' }, payload: JSON.stringify(body) })) },
      { weight: 1, arbitrary: wrongMethod('/api/v1/sync/push') },
    ));
  });

  it('refuses every malformed or unauthenticated pull', async () => {
    const badNumber = fc.oneof(
      fc.constantFrom('-1', 'abc', '', '1.5', '1e3', '0x10', ' 1', '99999999999999999999', 'NaN', 'Infinity', '%00', '1,2', '[]', '{}'),
      fc.string({ maxLength: 10 }).filter((s) => !/^\d+$/.test(s)).map(encodeURIComponent),
    );
    const query = fc.oneof(
      badNumber.map((v) => `cursor=${v}`),
      badNumber.map((v) => `cursor=1&limit=${v}`),
      fc.constantFrom('limit=0', 'limit=1001', 'limit=999999', 'cursor=1&cursor=2', 'limit=5&limit=6', '__proto__=1', 'constructor=x', 'cursor[]=1', 'cursor[a]=1'),
      fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), fc.string({ maxLength: 12 }))
        .filter(([k]) => !['cursor', 'limit'].includes(k))
        .map(([k, v]) => `cursor=0&x${encodeURIComponent(k)}=${encodeURIComponent(v)}`),
    );
    const isAccepted = (q: string) => {
      const parsed = Object.fromEntries(new URLSearchParams(q));
      return [...new URLSearchParams(q).keys()].length === Object.keys(parsed).length
        && Object.values(parsed).every((v) => /^\d{1,15}$/.test(v)) && pullQuerySchema.safeParse(parsed).success;
    };
    await expectAllRejected(fc.oneof(
      { weight: 7, arbitrary: query.filter((q) => !isAccepted(q)).map((q): RawRequest => ({ method: 'GET', url: `/api/v1/sync/pull?${q}`, headers: goodAuth() })) },
      { weight: 2, arbitrary: badAuth.map((auth): RawRequest => ({ method: 'GET', url: '/api/v1/sync/pull?cursor=0', headers: auth })) },
      { weight: 1, arbitrary: wrongMethod('/api/v1/sync/pull') },
    ));
  });

  it('refuses malformed health checks and unknown API paths', async () => {
    await expectAllRejected(fc.oneof(
      fc.tuple(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }))
        .map(([k, v]): RawRequest => ({ method: 'GET', url: `/api/v1/health?x${encodeURIComponent(k)}=${encodeURIComponent(v)}`, headers: {} })),
      wrongMethod('/api/v1/health'),
      fc.string({ minLength: 1, maxLength: 30 }).map((p): RawRequest => ({ method: 'GET', url: `/api/v1/nope/${encodeURIComponent(p)}`, headers: {} })),
    ));
  });
});
