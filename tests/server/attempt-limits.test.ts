// Guess limits hold when the guesses come all at once: each is counted, and no more are checked in parallel than
// one after another (login, recovery, pairing). Recovery is limited per code and for everyone, not per address.
import { randomUUID } from 'node:crypto';

import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';

import { type AttemptKey, countAttempt, GLOBAL_RECOVERY, PER_TARGET } from '../../src/server/auth/attempts.ts';
import { registerDevice } from './helpers/api.ts';
import { DIALECTS } from './helpers/databases.ts';
import { serverForBlock } from './helpers/server.ts';
import { asPhone, HOST, ORIGIN, signedInStaff } from './sharing-helpers.ts';

const statuses = (responses: { statusCode: number }[]) => {
  const counts: Record<number, number> = {};
  for (const r of responses) counts[r.statusCode] = (counts[r.statusCode] ?? 0) + 1;
  return counts;
};

describe.each(DIALECTS)('guesses sent all at once on %s', (dialect) => {
  const server = serverForBlock(dialect);
  let app: FastifyInstance;
  beforeAll(() => {
    app = server.app;
  });

  /** How many of `count` tries at `now` get through, sent all at once or one after another. */
  async function letThrough(keys: AttemptKey[], count: number, now: number, parallel: boolean): Promise<number> {
    const db = app.store.db;
    const one = () => countAttempt(db, keys, now).then(() => 1, (e: { statusCode?: number }) => {
      expect(e.statusCode).toBe(429);
      return 0;
    });
    if (parallel) return (await Promise.all(Array.from({ length: count }, one))).reduce((a, b) => a + b, 0);
    let through = 0;
    for (let i = 0; i < count; i++) through += await one();
    return through;
  }

  it('lets the same number through, and locks after the same number, whether 100 tries come at once or one by one', async () => {
    const t0 = Date.UTC(2026, 10, 20, 10);
    // A wave at once, then a wave every 61 s (longer than any wait) until past the lock at 10.
    const waves = Array.from({ length: 9 }, (_, i) => i * 61_000);
    const results = { parallel: [] as number[], sequential: [] as number[] };
    for (const mode of ['parallel', 'sequential'] as const) {
      const keys = [{ key: `test-${randomUUID()}`, policy: PER_TARGET }];
      for (const at of waves) results[mode].push(await letThrough(keys, 100, t0 + at, mode === 'parallel'));
    }
    // 3 free at once; then one after each wait, up to the lock at 10; then none for 15 minutes.
    expect(results.sequential).toEqual([3, 1, 1, 1, 1, 1, 1, 1, 0]);
    expect(results.parallel).toEqual(results.sequential);
  });

  it('forgets counts older than every lock', async () => {
    const old = { key: `test-${randomUUID()}`, policy: PER_TARGET };
    const t0 = Date.UTC(2026, 10, 20, 10);
    await letThrough([old], 1, t0, false);
    await letThrough([{ key: `test-${randomUUID()}`, policy: PER_TARGET }], 1, t0 + PER_TARGET.lockMs + 1, false);
    expect(await app.store.db.selectFrom('attempt_counters').select('tries').where('key', '=', old.key).executeTakeFirst()).toBeUndefined();
  });

  it('counts a try against none of its keys when one key refuses it', async () => {
    const now = Date.now();
    const busy = { key: `test-${randomUUID()}`, policy: PER_TARGET };
    expect(await letThrough([busy], 3, now, false)).toBe(3);
    const fresh = { key: `test-${randomUUID()}`, policy: PER_TARGET };
    expect(await letThrough([fresh, busy], 5, now, true)).toBe(0);
    expect(await app.store.db.selectFrom('attempt_counters').select('tries').where('key', '=', fresh.key).executeTakeFirst()).toBeUndefined();
  });

  it('checks only 3 of 100 wrong passwords sent at once, as one after another', async () => {
    const pa = await signedInStaff(app, 'pa', 'Example Council Parallel');
    const login = (email: string, password: string) =>
      app.inject({ method: 'POST', url: '/api/v1/pa/login', headers: { host: HOST, origin: ORIGIN }, payload: { email, password } });
    const parallel = await Promise.all(Array.from({ length: 100 }, () => login(pa.email, 'wrong-password')));
    expect(statuses(parallel)).toEqual({ 401: 3, 429: 97 });
    const other = await signedInStaff(app, 'pa', 'Example Council Parallel');
    const sequential = [];
    for (let i = 0; i < 100; i++) sequential.push(await login(other.email, 'wrong-password'));
    expect(statuses(sequential)).toEqual(statuses(parallel));
  });

  it('checks only 3 of 100 pairing codes guessed at once by one phone', async () => {
    const phone = await registerDevice(app);
    const guesses = await Promise.all(Array.from({ length: 100 }, () =>
      asPhone(app, phone, { method: 'POST', url: '/api/v1/my-pa/connect', payload: { code: '222-222' } })));
    expect(statuses(guesses)).toEqual({ 400: 3, 429: 97 });
  });

  it('checks only 3 of 100 guesses of one recovery code sent at once', async () => {
    const guesses = await Promise.all(Array.from({ length: 100 }, () =>
      app.inject({ method: 'POST', url: '/api/v1/recovery/restore', remoteAddress: '203.0.113.9', payload: { code: 'AAAA-BBBB-CCCC-DDDD-EEEE' } })));
    expect(statuses(guesses)).toEqual({ 400: 3, 429: 97 });
  });

  it('lets a right recovery code through after 10 wrong ones from the same address', async () => {
    const phone = await registerDevice(app);
    const code = (await asPhone(app, phone, { method: 'POST', url: '/api/v1/recovery-code' })).json().code as string;
    const address = '198.51.100.20';
    for (let i = 0; i < 10; i++) {
      const wrong = `WRNG-${String(i).replace(/[01]/g, 'X').padStart(4, 'Q')}-CCCC-DDDD-EEEE`;
      const res = await app.inject({ method: 'POST', url: '/api/v1/recovery/restore', remoteAddress: address, payload: { code: wrong } });
      expect(res.statusCode).toBe(400);
    }
    const right = await app.inject({ method: 'POST', url: '/api/v1/recovery/restore', remoteAddress: address, payload: { code } });
    expect(right.statusCode).toBe(201);
  });

  it('still slows guessing recovery codes from many addresses (one limit for everyone)', async () => {
    await app.store.db.deleteFrom('attempt_counters').where('key', '=', 'restore-all').execute();
    const guesses = await Promise.all(Array.from({ length: 100 }, (_, i) =>
      app.inject({ method: 'POST', url: '/api/v1/recovery/restore', remoteAddress: `192.0.2.${i + 1}`, payload: { code: `GSS${String.fromCharCode(65 + (i % 26))}-${String.fromCharCode(65 + Math.floor(i / 26))}BBB-CCCC-DDDD-EEEE` } })));
    expect(statuses(guesses)).toEqual({ 400: GLOBAL_RECOVERY.freeTries, 429: 100 - GLOBAL_RECOVERY.freeTries });
  });
});
