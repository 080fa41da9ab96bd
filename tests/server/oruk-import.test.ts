// Importing real-world ORUK feeds over HTTP from a local server: tolerant of bad values inside good services,
// following pages with progress, refreshing on a schedule without losing the last good data, and capped
// (no redirect to another origin, size, pages, time) so a hostile feed can't reach inside or wear us down.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';

import { buildServer } from '../../src/server/app.ts';
import { ImportRefused, importServices, parseEvery, refreshEvery } from '../../src/server/directory/import.ts';
import type { DirectoryService } from '../../src/shared/directory/types.ts';
import { freshDatabase, type TestDatabase } from './helpers/databases.ts';

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
const servers: http.Server[] = [];
async function serve(handler: Handler): Promise<{ url: string; requests: string[] }> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => { requests.push(req.url ?? ''); handler(req, res); });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}
const json = (res: http.ServerResponse, body: unknown) => { res.setHeader('content-type', 'application/json'); res.end(JSON.stringify(body)); };

const example = (n: number, extra: Record<string, unknown> = {}) => ({
  id: `example-import-${n}`, name: `Example Imported Service ${String(n).padStart(4, '0')}`, status: 'active',
  description: 'Invented for the import tests.', ...extra,
});
const page = (contents: unknown[], n: number, of: number) => ({
  total_items: contents.length * of, total_pages: of, page_number: n, size: contents.length, first_page: n === 1, last_page: n === of, empty: false, contents,
});

describe('importing ORUK feeds over HTTP', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  const stored = async (id: string) => {
    const row = await app.store.db.selectFrom('services').select('data').where('id', '=', id).executeTakeFirst();
    return row?.data ? (JSON.parse(row.data) as DirectoryService) : undefined;
  };
  const count = async () => (await app.store.db.selectFrom('services').select('id').where('deleted', '=', 0).execute()).length;

  beforeAll(async () => {
    database = await freshDatabase('sqlite');
    app = await buildServer(database.config);
  });
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => { s.closeAllConnections(); s.close(resolve); })));
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('imports every service when one has an impossible coordinate, dropping and reporting just that value', async () => {
    const feed = page([
      example(1, { service_at_locations: [{ id: 'l1', location: { id: 'loc1', location_type: 'physical', latitude: 123.4, longitude: -2.1,
        addresses: [{ id: 'a1', address_1: '1 Example Street', city: 'Example Town', postal_code: 'SK1 3XE' }] } }] }),
      example(2, { schedules: [{ id: 's1', freq: 'WEEKLY', byday: 'MO', opens_at: '25:00', closes_at: '17:00' }, { id: 's2', freq: 'WEEKLY', byday: 'TU', opens_at: '09:00', closes_at: '17:00' }] }),
      example(3, { url: 'htp//not a web address', email: 'example-import-3@example.org' }),
      example(4, { service_at_locations: [{ id: 'l4', location: { id: 'loc4', location_type: 'physical', latitude: 53.4, longitude: -2.15 } }] }),
    ], 1, 1);
    const { url } = await serve((_req, res) => json(res, feed));
    const message = await importServices(app.store, `${url}/services`, false);
    expect(message).toMatch(/4 services/);
    expect(message).toMatch(/field contents\[0\]\.service_at_locations\[0\]\.location: Coordinate dropped: 123\.4, -2\.1/);
    expect(message).toMatch(/field contents\[1\]\.schedules\[0\]: Schedule dropped/);
    expect(message).toMatch(/field contents\[2\]\.url: Website dropped/);
    // The bad coordinate is gone, never guessed: the service keeps its town, and no distance can be made up.
    expect((await stored('example-import-1'))!.location).toEqual({ kind: 'area', area: 'Example Town' });
    expect((await stored('example-import-2'))!.hours).toEqual({ kind: 'weekly', sessions: [{ days: ['tu'], opens: '09:00', closes: '17:00' }] });
    expect((await stored('example-import-3'))!.contacts).toEqual({ email: 'example-import-3@example.org' });
    expect((await stored('example-import-4'))!.location).toMatchObject({ kind: 'point', lat: 53.4 });
  });

  it('still refuses a structurally broken feed whole, naming the field', async () => {
    const before = await count();
    const { url } = await serve((_req, res) => json(res, page([example(10), { name: 'Example With No Id 0011' }], 1, 1)));
    const error = await importServices(app.store, `${url}/services`, false).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRefused);
    expect((error as Error).message).toMatch(/field contents\[1\]\.id/);
    expect(await count()).toBe(before);
  });

  it('follows the pages of a feed and says how far it has got', async () => {
    const { url, requests } = await serve((req, res) => {
      const n = Number(new URL(req.url!, 'http://x').searchParams.get('page') ?? '1');
      json(res, page([example(100 + n * 2), example(101 + n * 2)], n, 3));
    });
    const progress: string[] = [];
    const message = await importServices(app.store, `${url}/services?per_page=2`, false, { progress: (m) => progress.push(m) });
    expect(message).toMatch(/6 services/);
    expect(requests).toEqual(['/services?per_page=2', '/services?per_page=2&page=2', '/services?per_page=2&page=3']);
    expect(progress).toEqual(['Page 1 of 3: 2 services so far.', 'Page 2 of 3: 4 services so far.', 'Page 3 of 3: 6 services so far.']);
  });

  it('follows a redirect within the feed origin, never to another origin', async () => {
    const elsewhere = await serve((_req, res) => json(res, page([example(200)], 1, 1)));
    const { url } = await serve((req, res) => {
      if (req.url === '/moved') { res.writeHead(301, { location: '/services' }); res.end(); return; }
      if (req.url === '/away') { res.writeHead(302, { location: `${elsewhere.url}/services` }); res.end(); return; }
      json(res, page([example(201)], 1, 1));
    });
    expect(await importServices(app.store, `${url}/moved`, false)).toMatch(/1 services/);
    const error = await importServices(app.store, `${url}/away`, false).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRefused);
    expect((error as Error).message).toMatch(/redirects to another origin/);
    expect(elsewhere.requests).toEqual([]);
    expect(await stored('example-import-200')).toBeUndefined();
  });

  it('stops reading a feed larger than the size cap, even one that hides its length', async () => {
    const before = await count();
    const big = JSON.stringify(page(Array.from({ length: 200 }, (_, i) => example(300 + i, { description: 'x'.repeat(1000) })), 1, 1));
    const { url } = await serve((_req, res) => { res.setHeader('content-type', 'application/json'); res.write(big.slice(0, 100_000)); res.end(big.slice(100_000)); });
    const error = await importServices(app.store, `${url}/services`, false, { limits: { maxBytes: 64 * 1024 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRefused);
    expect((error as Error).message).toMatch(/larger than/);
    expect(await count()).toBe(before);
  });

  it('stops an endless feed at the page cap, importing nothing', async () => {
    const before = await count();
    const { url, requests } = await serve((req, res) => {
      const n = Number(new URL(req.url!, 'http://x').searchParams.get('page') ?? '1');
      json(res, { ...page([example(400 + n)], n, 1), last_page: false, total_pages: undefined });
    });
    const error = await importServices(app.store, `${url}/services`, false, { limits: { maxPages: 5 } }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/more than 5 pages/);
    expect(requests).toHaveLength(5);
    expect(await count()).toBe(before);
  });

  it('gives up on a feed that never answers, at the time cap', async () => {
    const { url } = await serve(() => { /* never answers */ });
    const error = await importServices(app.store, `${url}/services`, false, { limits: { maxMillis: 300 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRefused);
    expect((error as Error).message).toMatch(/took longer than/);
  });

  it('refreshes on a schedule, and a failed refresh keeps the last good data', async () => {
    let calls = 0;
    const { url } = await serve((_req, res) => {
      calls++;
      if (calls === 1) json(res, page([example(500)], 1, 1));
      else { res.statusCode = 500; res.end('down'); }
    });
    const log: string[] = [];
    const stop = new AbortController();
    const running = refreshEvery(app.store, `${url}/services`, true, 1, (m) => { log.push(m); if (log.length >= 2) stop.abort(); }, stop.signal);
    await running;
    expect(log[0]).toMatch(/Imported ORUK 3\.0/);
    expect(log[1]).toMatch(/Refresh failed; the last good data is kept\. The feed answered 500/);
    expect((await stored('example-import-500'))?.name).toBe('Example Imported Service 0500');
    expect(parseEvery('24h')).toBe(86_400_000);
    expect(() => parseEvery('5s')).toThrow(ImportRefused);
  });
});
