// Headers, limits and static serving: what every response promises regardless of route.
import fs from 'node:fs';
import path from 'node:path';

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildServer } from '../../src/server/app.ts';
import { auth, checkin, putCheckin, registerDevice } from './helpers/api.ts';
import { DIALECTS, freshDatabase, type TestDatabase } from './helpers/databases.ts';

const EXPECTED_CSP =
  "default-src 'self';script-src 'self' 'wasm-unsafe-eval';style-src 'self';img-src 'self' data:;connect-src 'self';worker-src 'self';" +
  "manifest-src 'self';object-src 'none';base-uri 'none';frame-ancestors 'none';form-action 'self'";

function writeFakeBuild(dir: string): void {
  fs.mkdirSync(path.join(dir, 'assets'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'pa'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>app</title>');
  fs.writeFileSync(path.join(dir, 'pa', 'index.html'), '<!doctype html><title>pa</title>');
  fs.writeFileSync(path.join(dir, 'sw.js'), 'self.addEventListener("install", () => {});');
  fs.writeFileSync(path.join(dir, 'manifest.webmanifest'), '{}');
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log(1);');
}

describe.each(DIALECTS)('HTTP hardening on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    const staticDir = path.join(database.config.dataDir, 'dist');
    writeFakeBuild(staticDir);
    app = await buildServer({ ...database.config, staticDir, bodyLimit: 4096 });
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('sends the strict CSP and security headers on API and app responses', async () => {
    for (const url of ['/api/v1/health', '/']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.headers['content-security-policy']).toBe(EXPECTED_CSP);
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['permissions-policy']).toBe('geolocation=(self)');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('marks every /api response no-store, errors included', async () => {
    const phone = await registerDevice(app);
    const responses = await Promise.all([
      app.inject({ method: 'GET', url: '/api/v1/health' }),
      app.inject({ method: 'GET', url: '/api/v1/sync/pull', headers: auth(phone) }),
      app.inject({ method: 'GET', url: '/api/v1/sync/pull' }),
      app.inject({ method: 'GET', url: '/api/nowhere' }),
      app.inject({ method: 'POST', url: '/api/v1/devices', headers: { 'content-type': 'application/json' }, payload: '{oops' }),
    ]);
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 401, 404, 400]);
    for (const res of responses) expect(res.headers['cache-control']).toBe('no-store');
  });

  it('answers unknown API routes with 404 JSON, not the app page', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/nothing-here?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: 'not-found' });
  });

  it('answers 415 to a body that is not JSON, 400 to broken JSON', async () => {
    const text = await app.inject({ method: 'POST', url: '/api/v1/devices', headers: { 'content-type': 'text/plain' }, payload: '{}' });
    expect(text.statusCode).toBe(415);
    const form = await app.inject({ method: 'POST', url: '/api/v1/devices', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'a=1' });
    expect(form.statusCode).toBe(415);
    const broken = await app.inject({ method: 'POST', url: '/api/v1/devices', headers: { 'content-type': 'application/json' }, payload: '{"linkCode":' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ error: 'invalid-json' });
  });

  it('answers 413 to a body over the limit and writes nothing', async () => {
    const phone = await registerDevice(app);
    const big = checkin({ note: 'x'.repeat(1900) });
    const mutations = [putCheckin(1, big), putCheckin(2, { ...big, id: checkin().id }), putCheckin(3, { ...big, id: checkin().id })];
    const res = await app.inject({ method: 'POST', url: '/api/v1/sync/push', headers: auth(phone), payload: { deviceId: phone.deviceId, mutations } });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ error: 'too-large' });
    const pulled = await app.inject({ method: 'GET', url: '/api/v1/sync/pull', headers: auth(phone) });
    expect(pulled.json()).toMatchObject({ changes: [], lastSeq: 0 });
  });

  it('serves the app shell with no-cache and hashed assets as immutable', async () => {
    const index = await app.inject({ method: 'GET', url: '/' });
    expect(index.statusCode).toBe(200);
    expect(index.headers['cache-control']).toBe('no-cache');
    for (const url of ['/sw.js', '/manifest.webmanifest', '/index.html']) {
      expect((await app.inject({ method: 'GET', url })).headers['cache-control']).toBe('no-cache');
    }
    const asset = await app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('falls back to the app page for app routes, and the PA page under /pa', async () => {
    const deep = await app.inject({ method: 'GET', url: '/checkins/today?x=1' });
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain('<title>app</title>');
    expect(deep.headers['cache-control']).toBe('no-cache');
    const pa = await app.inject({ method: 'GET', url: '/pa/young-people/123' });
    expect(pa.body).toContain('<title>pa</title>');
    expect((await app.inject({ method: 'GET', url: '/assets/missing-file.js' })).statusCode).toBe(404);
  });
});

describe('without a built app', () => {
  it('still serves the API and says plainly the app is not built', async () => {
    const database = await freshDatabase('sqlite');
    const app = await buildServer(database.config);
    try {
      expect((await app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
      const page = await app.inject({ method: 'GET', url: '/' });
      expect(page.statusCode).toBe(404);
      expect(page.body).toContain('npm run build');
    } finally {
      await app.close();
      await database.drop();
    }
  });
});

describe('rate limiting', () => {
  it('answers 429 once the per-minute limit is used up', async () => {
    const database = await freshDatabase('sqlite', { rateLimitPerMinute: 5 });
    const app = await buildServer(database.config);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode);
      expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
      const limited = await app.inject({ method: 'GET', url: '/api/v1/health' });
      expect(limited.json()).toMatchObject({ error: 'rate-limited' });
      expect(limited.headers['retry-after']).toBeDefined();
    } finally {
      await app.close();
      await database.drop();
    }
  });

  it('never limits the app files, so opening the app many times cannot lock a phone out', async () => {
    const database = await freshDatabase('sqlite', { rateLimitPerMinute: 3 });
    const staticDir = path.join(database.config.dataDir, 'dist');
    writeFakeBuild(staticDir);
    const app = await buildServer({ ...database.config, staticDir });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) statuses.push((await app.inject({ method: 'GET', url: '/assets/index-abc123.js' })).statusCode);
      expect(statuses).toEqual(Array(10).fill(200));
      const api: number[] = [];
      for (let i = 0; i < 4; i++) api.push((await app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode);
      expect(api).toEqual([200, 200, 200, 429]);
    } finally {
      await app.close();
      await database.drop();
    }
  });

  it('allows fewer device registrations (link-code guesses) than other requests', async () => {
    const database = await freshDatabase('sqlite', { rateLimitPerMinute: 50 });
    const app = await buildServer(database.config);
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++) statuses.push((await app.inject({ method: 'POST', url: '/api/v1/devices', payload: { linkCode: 'WRONG-CODE-1' } })).statusCode);
      expect(statuses).toEqual([400, 400, 400, 400, 400, 429, 429]);
      expect((await app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
    } finally {
      await app.close();
      await database.drop();
    }
  });
});

describe('data costs', () => {
  it('compresses sync answers for phones that accept gzip', async () => {
    const database = await freshDatabase('sqlite');
    const app = await buildServer(database.config);
    try {
      const device = await registerDevice(app);
      const mutations = Array.from({ length: 40 }, (_, i) => putCheckin(i + 1, checkin({ note: `An invented note number ${i} for a test` })));
      expect((await app.inject({ method: 'POST', url: '/api/v1/sync/push', headers: auth(device), payload: { deviceId: device.deviceId, mutations } })).statusCode).toBe(200);
      const plain = await app.inject({ method: 'GET', url: '/api/v1/sync/pull?cursor=0', headers: auth(device) });
      const gzipped = await app.inject({ method: 'GET', url: '/api/v1/sync/pull?cursor=0', headers: { ...auth(device), 'accept-encoding': 'gzip' } });
      expect(gzipped.headers['content-encoding']).toBe('gzip');
      expect(gzipped.headers['cache-control']).toBe('no-store');
      expect(gzipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    } finally {
      await app.close();
      await database.drop();
    }
  });
});
