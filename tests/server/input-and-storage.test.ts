// The door and the disk: one spelling of every path for every check, a slowly sent body cut off with 408, security
// headers on answers to URLs the router cannot read, private data files, a full disk named as such (507, /health),
// and start-up errors that say which file.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';

import { buildServer } from '../../src/server/app.ts';
import { auth, checkin, putCheckin, registerDevice } from './helpers/api.ts';
import { freshDatabase } from './helpers/databases.ts';

async function withServer<T>(overrides: Parameters<typeof freshDatabase>[1], work: (app: Awaited<ReturnType<typeof buildServer>>, dataDir: string) => Promise<T>): Promise<T> {
  const database = await freshDatabase('sqlite', overrides);
  const app = await buildServer(database.config);
  try {
    return await work(app, database.config.dataDir);
  } finally {
    await app.close();
    await database.drop();
  }
}

describe('one spelling of every path', () => {
  it('counts encoded spellings of /api/v1/devices against the registration limit and marks them no-store', async () => {
    await withServer({ rateLimitPerMinute: 50 }, async (app) => {
      const spellings = ['/%61pi/v1/devices', '/api/v1/%64evices', '/%61%70%69/%76%31/devices', '/api/v1/devices', '/ap%69/v1/device%73', '/%61pi/v1/devices', '/api/v1/devices'];
      const answers = [];
      for (const url of spellings) answers.push(await app.inject({ method: 'POST', url, payload: { linkCode: 'WRONG-CODE-1' } }));
      expect(answers.map((a) => a.statusCode)).toEqual([400, 400, 400, 400, 400, 429, 429]);
      for (const answer of answers) expect(answer.headers['cache-control']).toBe('no-store');
      const health = await app.inject({ method: 'GET', url: '/%61pi/v1/health' });
      expect(health.headers['cache-control']).toBe('no-store');
    });
  });

  it('sends the security headers with answers to URLs the router cannot decode, and to missing pages', async () => {
    await withServer({}, async (app) => {
      for (const url of ['/%zz', '/api/v1/%E0%A4%A', '/api/v1/nope', '/nope.js']) {
        const res = await app.inject({ method: 'GET', url });
        expect(res.statusCode, url).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, url).toBeLessThan(500);
        expect(res.headers['content-security-policy'], url).toBeDefined();
        expect(res.headers['x-content-type-options'], url).toBe('nosniff');
        expect(res.headers['strict-transport-security'], url).toBeDefined();
      }
    });
  });
});

describe('a slowly sent body', () => {
  it('is answered 408 and the connection closed once REQUEST_TIMEOUT_MS has passed', async () => {
    await withServer({ requestTimeoutMs: 1000 }, async (app) => {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = app.server.address() as net.AddressInfo;
      const socket = net.connect(port, '127.0.0.1');
      let answer = '';
      socket.on('data', (d: Buffer) => (answer += d.toString()));
      const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
      socket.write('POST /api/v1/devices HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{');
      // One byte every 200 ms, never the whole body: without the timeout this would go on for 20 s.
      const dribble = setInterval(() => socket.writable && socket.write(' '), 200);
      try {
        await closed;
      } finally {
        clearInterval(dribble);
      }
      expect(answer).toMatch(/^HTTP\/1\.1 408 /);
      expect(answer).toMatch(/\r\ncontent-security-policy: /);
    });
  });

  it('broken HTTP is answered 400 with the security headers', async () => {
    await withServer({}, async (app) => {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = app.server.address() as net.AddressInfo;
      const socket = net.connect(port, '127.0.0.1');
      let answer = '';
      socket.on('data', (d: Buffer) => (answer += d.toString()));
      const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
      socket.write('GET /api/v1/health HTTP/1.1\r\nHost x\r\n\r\n');
      await closed;
      expect(answer).toMatch(/^HTTP\/1\.1 400 /);
      expect(answer).toMatch(/\r\ncontent-security-policy: /);
      expect(answer).toMatch(/\r\nx-content-type-options: nosniff/);
    });
  });
});

describe('the data files', () => {
  it('are readable by the server alone (0600): app.sqlite, its WAL and shared-memory files', async () => {
    await withServer({}, async (app, dataDir) => {
      const phone = await registerDevice(app);
      await app.inject({ method: 'POST', url: '/api/v1/sync/push', headers: auth(phone), payload: { deviceId: phone.deviceId, mutations: [putCheckin(1, checkin())] } });
      for (const name of ['app.sqlite', 'app.sqlite-wal', 'app.sqlite-shm']) {
        expect((fs.statSync(path.join(dataDir, name)).mode & 0o777).toString(8), name).toBe('600');
      }
    });
  });

  it('say which file when they cannot be opened', async () => {
    const database = await freshDatabase('sqlite');
    const notAFolder = path.join(database.config.dataDir, 'not-a-folder');
    fs.writeFileSync(notAFolder, 'invented test file');
    const file = path.join(notAFolder, 'app.sqlite');
    try {
      await expect(buildServer({ ...database.config, database: { dialect: 'sqlite', file } })).rejects.toThrow(`Cannot open the SQLite database at ${file}`);
    } finally {
      await database.drop();
    }
  });
});

describe('a full disk', () => {
  it('answers 507 with Retry-After, /health says storage is full, and both recover once a write fits again', async () => {
    await withServer({}, async (app) => {
      const phone = await registerDevice(app);
      const { db } = app.store;
      const pages = Number((await sql<{ page_count: number }>`pragma page_count`.execute(db)).rows[0].page_count);
      // SQLite's own ceiling on the file size: the next page it needs fails with SQLITE_FULL, as on a full disk.
      await sql.raw(`pragma max_page_count = ${pages}`).execute(db);
      const big = Array.from({ length: 50 }, (_, i) => putCheckin(i + 1, checkin({ note: `invented note ${i} ${'x'.repeat(1500)}` })));
      const full = await app.inject({ method: 'POST', url: '/api/v1/sync/push', headers: auth(phone), payload: { deviceId: phone.deviceId, mutations: big } });
      expect(full.statusCode, full.body).toBe(507);
      expect(full.json()).toMatchObject({ error: 'storage-full' });
      expect(full.headers['retry-after']).toBe('5');
      const health = await app.inject({ method: 'GET', url: '/api/v1/health' });
      expect(health.statusCode).toBe(503);
      expect(health.json()).toMatchObject({ ok: false, database: 'reachable', storage: 'full' });

      await sql.raw('pragma max_page_count = 1073741823').execute(db);
      const retried = await app.inject({ method: 'POST', url: '/api/v1/sync/push', headers: auth(phone), payload: { deviceId: phone.deviceId, mutations: big } });
      expect(retried.json()).toEqual({ lastSeq: 50 });
      expect((await app.inject({ method: 'GET', url: '/api/v1/health' })).json()).toMatchObject({ ok: true, storage: 'ok' });
    });
  });
});
