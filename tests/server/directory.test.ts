// The directory on the server: seeding, ORUK import (1.0 and 3.0, all or nothing), export, reports and delta sync.
import path from 'node:path';

import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildServer } from '../../src/server/app.ts';
import { ImportRefused, importServices } from '../../src/server/directory/import.ts';
import { seedDirectory } from '../../src/server/directory/seed.ts';
import type { DirectoryService } from '../../src/shared/directory/types.ts';
import { pullAll, registerDevice } from './helpers/api.ts';
import { DIALECTS, freshDatabase, type TestDatabase } from './helpers/databases.ts';

const fixture = (name: string) => path.resolve(import.meta.dirname, '../fixtures/oruk', name);

describe.each(DIALECTS)('directory on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;

  const snapshot = async () => {
    const services = await app.store.db.selectFrom('services').selectAll().orderBy('id').execute();
    const meta = await app.store.db.selectFrom('sync_meta').selectAll().execute();
    return JSON.stringify({ services, meta });
  };
  const serviceData = async (id: string) => {
    const row = await app.store.db.selectFrom('services').select('data').where('id', '=', id).executeTakeFirst();
    return row?.data ? (JSON.parse(row.data) as DirectoryService) : undefined;
  };

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    app = await buildServer(database.config);
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('seeds the national crisis lines and study services once, and a restart sends phones nothing new', async () => {
    const first = await seedDirectory(app.store);
    expect(first.added).toBe(38);
    const phone = await registerDevice(app);
    const pulled = await pullAll(app, phone);
    const samaritans = pulled.changes.find((c) => c.id === 'crisis-samaritans');
    expect(samaritans).toMatchObject({ kind: 'service', deleted: false });
    expect((samaritans?.record as DirectoryService).contacts.phone).toBe('116 123');

    expect(await seedDirectory(app.store)).toEqual({ added: 0, changed: 0, unchanged: 38, removed: 0 });
    expect((await pullAll(app, phone, pulled.cursor)).changes).toHaveLength(0);
  });

  it('imports an ORUK 3.0 feed: split sessions, overnight hours, location, phone, plain-text description', async () => {
    const message = await importServices(app.store, fixture('v3-example.json'), false);
    expect(message).toContain('ORUK 3.0');
    const counselling = await serviceData('example-v3-0001');
    expect(counselling).toMatchObject({
      name: 'Example Youth Counselling 0001',
      description: 'Free counselling for young people.',
      organisation: 'Example Charity 0001',
      minAge: 16, maxAge: 30, languages: ['ar'], free: true, careLeaverSpecific: true,
      location: { kind: 'point', lat: 53.409, lng: -2.158, postcode: 'SK1 3XE' },
      contacts: { phone: '0161 496 0000', url: 'https://example.org/counselling' },
      hours: { kind: 'weekly', sessions: [{ days: ['mo', 'we'], opens: '09:00', closes: '12:00' }, { days: ['mo', 'we'], opens: '14:00', closes: '17:00' }] },
    });
    expect(counselling?.categories).toContain('mental-health');
    const shelter = await serviceData('example-v3-0002');
    expect(shelter).toMatchObject({ location: { kind: 'area', area: 'Exampleshire' }, categories: ['advice', 'food'] });
    expect(shelter?.hours).toEqual({ kind: 'weekly', sessions: [{ days: ['fr', 'sa'], opens: '22:00', closes: '06:00' }] });
  });

  it('imports an ORUK 1.0 feed with holidays, eligibility and v1 languages', async () => {
    const message = await importServices(app.store, fixture('v1-example.json'), false);
    expect(message).toContain('ORUK 1.0');
    expect(await serviceData('example-v1-0001')).toMatchObject({
      walkIn: true, free: true, careLeaverSpecific: true, minAge: 18, maxAge: 25, languages: ['ti'],
      categories: ['advice', 'social'],
      contacts: { phone: '0161 496 0001', email: 'hello@example.org' },
      hours: { kind: 'weekly', closed: [{ from: '2025-12-25', to: '2025-12-26' }] },
    });
  });

  it.each([
    ['broken-json.json', /line 4.*not valid JSON/s],
    ['broken-missing-id.json', /line \d+, field contents\[1\]\.id: Every service needs an id/],
    ['broken-wrong-types.json', /field contents\[0\]\.minimum_age/],
    ['broken-huge-description.json', /field contents\[0\]\.description: Description is longer than 4000/],
    ['broken-script.json', /field contents\[0\]\.description: Contains a <script> tag/],
  ])('refuses %s with the line and field, and changes nothing', async (file, expected) => {
    const before = await snapshot();
    const error = await importServices(app.store, fixture(file), true).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRefused);
    expect((error as Error).message).toMatch(/^Nothing was imported/);
    expect((error as Error).message).toMatch(expected);
    expect(await snapshot()).toBe(before);
  });

  it('serves the directory back in ORUK 3.0 shape, readable from any origin', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/oruk/services?per_page=5&page=1' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    const body = res.json();
    expect(body).toMatchObject({ page_number: 1, size: 5, first_page: true, last_page: false, empty: false });
    expect(body.total_items).toBe(41);
    for (const s of body.contents) {
      expect(s).toMatchObject({ id: expect.any(String), name: expect.any(String), status: 'active' });
      expect(Object.values(s)).not.toContain(null);
    }
    const one = await app.inject({ method: 'GET', url: '/api/v1/oruk/services/example-v3-0001' });
    expect(one.json()).toMatchObject({ minimum_age: 16, schedules: [{ byday: 'MO,WE', opens_at: '09:00' }, { opens_at: '14:00' }] });
    const sync = await app.inject({ method: 'GET', url: '/api/v1/sync/pull' });
    expect(sync.headers['access-control-allow-origin']).toBeUndefined();
    expect((await app.inject({ method: 'GET', url: '/api/v1/oruk/services?page=abc' })).json()).toMatchObject({ field: 'page' });
  });

  it('takes a "Something wrong here?" report with a reason only', async () => {
    const ok = await app.inject({ method: 'POST', url: '/api/v1/services/crisis-samaritans/reports', payload: { reason: 'hours' } });
    expect(ok.statusCode).toBe(201);
    const bad = await app.inject({ method: 'POST', url: '/api/v1/services/crisis-samaritans/reports', payload: { reason: 'my name is Sam' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'reason' });
    const extra = await app.inject({ method: 'POST', url: '/api/v1/services/crisis-samaritans/reports', payload: { reason: 'other', note: 'hi' } });
    expect(extra.statusCode).toBe(400);
    const missing = await app.inject({ method: 'POST', url: '/api/v1/services/no-such-service/reports', payload: { reason: 'other' } });
    expect(missing.statusCode).toBe(404);
  });

  it('removes services gone from a feed on --replace, and phones get just the tombstone', async () => {
    const phone = await registerDevice(app);
    const { cursor } = await pullAll(app, phone);
    const only = path.join(database.config.dataDir, 'v3-example.json');
    const fs = await import('node:fs/promises');
    const feed = JSON.parse(await fs.readFile(fixture('v3-example.json'), 'utf8'));
    feed.contents = feed.contents.slice(0, 1);
    await fs.writeFile(only, JSON.stringify(feed));
    // Same source name as the first import, so the missing service counts as gone.
    const message = await importServices(app.store, only, true);
    expect(message).toContain('1 removed');
    const delta = await pullAll(app, phone, cursor);
    expect(delta.changes).toEqual([expect.objectContaining({ id: 'example-v3-0002', deleted: true, record: null })]);
  });
});
