// The prerendered pages (src/app/shell/): the inline script is allowed by the hash the build wrote, Help now has its
// own page, and a browser that cannot run JavaScript gets the pages in the language the phone chose (its cookie).
import fs from 'node:fs';
import path from 'node:path';

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildServer } from '../../src/server/app.ts';
import { FIRST_PAINT_CSP_FILE, prerenderedPagePath } from '../../src/shared/firstPaint.ts';
import { freshDatabase, type TestDatabase } from './helpers/databases.ts';

const HASH = "'sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='";

function writeFakeBuild(dir: string): void {
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  };
  write('index.html', 'today en');
  write('help.html', 'help en');
  write(prerenderedPagePath('ar', 'index.html'), 'today ar');
  write(prerenderedPagePath('ar', 'help.html'), 'help ar');
  write('sw.js', '');
  // Anything but a plain sha256 source is ignored: the file cannot widen the policy.
  write(FIRST_PAINT_CSP_FILE, JSON.stringify({ scriptSrc: [HASH, "'unsafe-inline'"] }));
}

describe('the prerendered pages', () => {
  let database: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await freshDatabase('sqlite');
    const staticDir = path.join(database.config.dataDir, 'dist');
    writeFakeBuild(staticDir);
    app = await buildServer({ ...database.config, staticDir });
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it("allows the build's inline script by its hash, and nothing else inline", async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    const scriptSrc = /script-src ([^;]*)/.exec(res.headers['content-security-policy'] as string)![1];
    expect(scriptSrc).toBe(`'self' 'wasm-unsafe-eval' ${HASH}`);
  });

  it.each([
    ['/', undefined, 'today en'],
    ['/history', undefined, 'today en'],
    ['/help', undefined, 'help en'],
    ['/', 'language=ar', 'today ar'],
    ['/settings', 'other=1; language=ar', 'today ar'],
    ['/help', 'language=ar', 'help ar'],
    // A language without its own pages (or English, or nonsense) gets the English ones.
    ['/help', 'language=fr', 'help en'],
    ['/help', 'language=../../etc', 'help en'],
    ['/', 'language=en', 'today en'],
  ])('answers %s with cookie %s by the right page', async (url, cookie, page) => {
    const res = await app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(page);
  });

  it('still serves index.html itself as it is (the service worker keeps that one)', async () => {
    const res = await app.inject({ method: 'GET', url: '/index.html', headers: { cookie: 'language=ar' } });
    expect(res.body).toBe('today en');
  });
});
