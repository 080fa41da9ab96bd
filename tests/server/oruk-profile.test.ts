// Our /api/v1/oruk export checked against the Open Referral UK profile's own compiled JSON schemas (copied
// unchanged into tests/fixtures/oruk-uk-profile), with ajv: every service, as listed and in full.
import fs from 'node:fs';
import path from 'node:path';

import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildServer } from '../../src/server/app.ts';
import { importServices } from '../../src/server/directory/import.ts';
import { uuidV5 } from '../../src/server/directory/oruk-export.ts';
import { seedDirectory } from '../../src/server/directory/seed.ts';
import { freshDatabase, type TestDatabase } from './helpers/databases.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const schema = (name: string) => JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../fixtures/oruk-uk-profile', name), 'utf8'));
// The schemas carry documentation keywords (datapackage_metadata, constraints, …): ignore them, as their README says.
const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
const asListed = ajv.compile(schema('service_list.json'));
const inFull = ajv.compile(schema('service.json'));
const problems = (validate: typeof asListed) => ajv.errorsText(validate.errors, { separator: '\n' });

describe('our ORUK export against the UK profile', () => {
  let database: TestDatabase;
  let app: FastifyInstance;
  beforeAll(async () => {
    database = await freshDatabase('sqlite');
    app = await buildServer(database.config);
    await seedDirectory(app.store);
    await importServices(app.store, path.resolve(import.meta.dirname, '../fixtures/oruk/v3-example.json'), false);
    await importServices(app.store, path.resolve(import.meta.dirname, '../fixtures/oruk/e2e-near-sk1.json'), false);
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('validates every exported service, listed and in full', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/oruk/services?per_page=500' });
    const services = res.json().contents as { id: string; url: string }[];
    expect(services.length).toBeGreaterThan(40);
    for (const s of services) {
      expect(asListed(s), `${s.id} as listed:\n${problems(asListed)}`).toBe(true);
      const full = await app.inject({ method: 'GET', url: `/api/v1/oruk/services/${s.id}` });
      expect(full.statusCode).toBe(200);
      expect(inFull(full.json()), `${s.id} in full:\n${problems(inFull)}`).toBe(true);
    }
  });

  it('gives stable UUID v5 ids made from ours, and a url for every service', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/oruk/services?per_page=500' });
    const services = res.json().contents as { id: string; name: string; url: string }[];
    const samaritans = services.find((s) => s.name === 'Samaritans')!;
    expect(samaritans.id).toBe(uuidV5('crisis-samaritans'));
    expect(samaritans.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(services.map((s) => s.id)).size).toBe(services.length);
    // A study service has no website: its url is our own page for it.
    const study = services.find((s) => s.name === 'Pure Insight')!;
    expect(study.url).toMatch(/^http:\/\/localhost(:\d+)?\/directory\/service\/study-stockport-pure-insight$/);
  });

  it('checks the oracle can fail: a service with our old text ids is refused', () => {
    expect(asListed({ id: 'crisis-samaritans', name: 'Samaritans', status: 'active', url: 'https://www.samaritans.org' })).toBe(false);
  });
});
