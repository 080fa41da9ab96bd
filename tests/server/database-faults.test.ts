// A server on PostgreSQL survives its database going away: every connection terminated twice a second for 20 s,
// then a PostgreSQL that stops answering for 10 s (a TCP proxy this test controls freezes; the shared PostgreSQL is
// never touched, and only this server's own backends, found by application_name, are terminated). The process
// stays up, answers 503 with Retry-After while the database is gone, recovers by itself, and every mutation it
// acknowledged is there afterwards. Start-up with an unreachable database says what it waits for.
import { randomBytes } from 'node:crypto';
import net from 'node:net';

import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';

import type { Checkin } from '../../src/shared/checkins.ts';
import { checkin, type Device } from './helpers/api.ts';
import { type ChildServer, startChildServer } from './helpers/child-server.ts';
import { freshDatabase, POSTGRES_URL, type TestDatabase } from './helpers/databases.ts';
import { startTcpProxy, type TcpProxy } from './helpers/tcp-proxy.ts';
import { pullEverything, TestPhone, viaHttp } from './helpers/test-phone.ts';

const PHONES = 8;
const TERMINATE_EVERY_MS = 500;
const TERMINATING_FOR_MS = 20_000;
const FROZEN_FOR_MS = 10_000;
// Short database timeouts so a frozen database turns into 503s quickly (the defaults are in config.ts).
const FAST_FAULTS = { DB_CONNECT_TIMEOUT_MS: '1000', DB_STATEMENT_TIMEOUT_MS: '2000', DB_QUERY_TIMEOUT_MS: '3000', RATE_LIMIT_PER_MINUTE: '1000000' };

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The test database's URL, reached through `proxy` instead of directly. */
function throughProxy(database: TestDatabase, proxy: { port: number }): string {
  const url = new URL(database.env.DATABASE_URL);
  url.hostname = '127.0.0.1';
  url.port = String(proxy.port);
  return url.toString();
}

async function getHealth(url: string): Promise<{ status: number; retryAfter?: string | null; body?: unknown }> {
  try {
    const res = await fetch(`${url}/api/v1/health`, { signal: AbortSignal.timeout(15_000) });
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json() };
  } catch {
    return { status: 0 };
  }
}

describe('a server on PostgreSQL whose database goes away', () => {
  let database: TestDatabase | undefined;
  let proxy: TcpProxy | undefined;
  let server: ChildServer | undefined;
  let admin: pg.Client | undefined;

  afterEach(async () => {
    await server?.kill();
    await proxy?.close();
    await admin?.end();
    await database?.drop();
    server = proxy = admin = database = undefined;
  });

  it('stays up, answers 503 while the database is gone, and keeps every acknowledged mutation', async () => {
    database = await freshDatabase('postgres');
    proxy = await startTcpProxy({ host: new URL(POSTGRES_URL).hostname, port: Number(new URL(POSTGRES_URL).port || 5432) });
    const applicationName = `care-faults-${randomBytes(4).toString('hex')}`;
    server = await startChildServer({ ...database.env, ...FAST_FAULTS, DATABASE_URL: throughProxy(database, proxy), DB_APPLICATION_NAME: applicationName });
    const base = server.url;
    const send = viaHttp(() => base);
    admin = new pg.Client({ connectionString: POSTGRES_URL });
    await admin.connect();

    const phones: TestPhone[] = [];
    for (let i = 0; i < PHONES; i++) {
      const res = await send('POST', '/api/v1/devices', undefined, {});
      expect(res.status).toBe(201);
      phones.push(new TestPhone(JSON.parse(res.body) as Device, send, 5));
    }
    const written = phones.map(() => new Map<number, Checkin>());
    const outcomes: { status: number; startedAt: number; endedAt: number; retryAfter?: string }[] = [];
    let pushing = true;
    const pushers = phones.map(async (phone, p) => {
      for (let n = 0; pushing; n++) {
        const record = checkin({ note: `invented check-in ${n} from test phone ${p}` });
        phone.put(record);
        written[p].set(phone.nextSeq - 1, record);
        const startedAt = Date.now();
        const [outcome] = await phone.push();
        outcomes.push({ status: outcome.status, startedAt, endedAt: Date.now() });
        if (outcome.status !== 200) await pause(100);
      }
    });

    // Terminate every backend of this server (and only this server) twice a second for 20 s.
    let terminated = 0;
    const terminateUntil = Date.now() + TERMINATING_FOR_MS;
    while (Date.now() < terminateUntil) {
      const { rows } = await admin.query<{ n: string }>(
        'select count(pg_terminate_backend(pid)) as n from pg_stat_activity where application_name = $1 and pid <> pg_backend_pid()',
        [applicationName],
      );
      terminated += Number(rows[0].n);
      await pause(TERMINATE_EVERY_MS);
    }

    // Then the database stops answering for 10 s.
    proxy.freeze();
    const frozeAt = Date.now();
    const healthWhileFrozen = await getHealth(base);
    await pause(FROZEN_FOR_MS - (Date.now() - frozeAt));
    const thawedAt = Date.now();
    proxy.thaw();

    // It recovers without a restart.
    while ((await getHealth(base)).status !== 200) {
      expect(server.child.exitCode, `the server process ended: ${server.stderr().slice(-2000)}`).toBeNull();
      await pause(200);
    }
    pushing = false;
    await Promise.all(pushers);
    for (const phone of phones) {
      for (let tries = 0; phone.outbox.length > 0; tries++) {
        expect(tries, 'the outbox drains once the database is back').toBeLessThan(50);
        const [outcome] = await phone.push();
        if (outcome.status !== 200) await pause(200);
      }
    }

    expect(server.child.exitCode, server.stderr()).toBeNull();
    expect(server.child.signalCode).toBeNull();
    expect(server.stderr()).not.toMatch(/Unhandled|uncaught/i);
    expect(terminated, 'backends of this server were terminated').toBeGreaterThan(0);

    const statuses = new Set(outcomes.map((o) => o.status));
    expect([...statuses].filter((s) => s !== 200 && s !== 503), 'only 200 or 503, never a 500 or a dropped connection').toEqual([]);
    const whileFrozen = outcomes.filter((o) => o.startedAt >= frozeAt && o.endedAt <= thawedAt);
    expect(whileFrozen.length, 'phones kept getting answers while the database was frozen').toBeGreaterThan(0);
    expect(whileFrozen.every((o) => o.status === 503)).toBe(true);
    expect(healthWhileFrozen).toEqual({ status: 503, retryAfter: '5', body: { ok: false, db: 'postgres', database: 'unreachable', storage: 'ok' } });
    expect(outcomes.filter((o) => o.status === 200).length).toBeGreaterThan(PHONES);

    // Every mutation is on the server exactly as written (acknowledged ones before the faults, the rest after).
    for (const [p, phone] of phones.entries()) {
      const everything = await pullEverything(send, phone.device);
      expect(everything.lastSeq).toBe(phone.nextSeq - 1);
      const onServer = new Map(everything.changes.map((c) => [c.id, c.record]));
      for (const record of written[p].values()) expect(onServer.get(record.id)).toEqual(record);
    }
    console.log(`database faults: ${terminated} backends terminated, ${outcomes.length} pushes `
      + `(${outcomes.filter((o) => o.status === 200).length} acknowledged, ${outcomes.filter((o) => o.status === 503).length} × 503), `
      + `${whileFrozen.length} answered while frozen`);
  });

  it('says what it waits for when PostgreSQL does not answer at start, and starts once it does', async () => {
    database = await freshDatabase('postgres');
    proxy = await startTcpProxy({ host: new URL(POSTGRES_URL).hostname, port: Number(new URL(POSTGRES_URL).port || 5432) });
    proxy.freeze();
    let sawWaiting: () => void = () => {};
    const waiting = new Promise<void>((resolve) => (sawWaiting = resolve));
    const starting = startChildServer({ ...database.env, ...FAST_FAULTS, DATABASE_URL: throughProxy(database, proxy) }, {
      onStderr: (soFar) => soFar.includes('Waiting for the database') && sawWaiting(),
    });
    starting.catch(() => {});
    await waiting;
    proxy.thaw();
    server = await starting;
    expect(server.stderr()).toMatch(/Waiting for the database \(PostgreSQL 127\.0\.0\.1:\d+\/test\), try 1: .*timeout/);
    expect((await fetch(`${server.url}/api/v1/health`)).status).toBe(200);
  });

  it('gives up after DB_START_WAIT_MS with a message naming the database it waited for', async () => {
    database = await freshDatabase('postgres');
    const closed = net.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as net.AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const error = await startChildServer({ ...database.env, ...FAST_FAULTS, DATABASE_URL: throughProxy(database, { port }), DB_START_WAIT_MS: '2000' })
      .then(() => undefined, (e: unknown) => e as Error);
    expect(error?.message).toMatch(new RegExp(`Waiting for the database \\(PostgreSQL 127\\.0\\.0\\.1:${port}/test\\), try 1: .*ECONNREFUSED`));
    expect(error?.message).toMatch(new RegExp(`Gave up waiting for the database \\(PostgreSQL 127\\.0\\.0\\.1:${port}/test\\) after \\d+ s`));
  });
});
