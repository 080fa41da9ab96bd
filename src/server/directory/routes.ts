// The public directory API: our services in ORUK 3.0 shape (open, CORS *), and "Something wrong here?" reports.
import { randomUUID } from 'node:crypto';

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

import { REPORT_REASONS } from '../../shared/directory/report.ts';
import type { DirectoryService } from '../../shared/directory/types.ts';
import { ApiError, validate } from '../http/errors.ts';
import { noQuery } from '../http/query.ts';
import { orukPage, toOrukService, uuidV5 } from './oruk-export.ts';

// Built once, not per request: zod compiles a schema the first time it runs it.

const pageQuery = z.strictObject({
  page: z.string().regex(/^\d{1,6}$/, 'Must be a whole number').default('1').transform(Number).pipe(z.int().min(1)),
  per_page: z.string().regex(/^\d{1,4}$/, 'Must be a whole number').default('50').transform(Number).pipe(z.int().min(1).max(500)),
});
const reportBody = z.strictObject({ reason: z.enum(REPORT_REASONS) });
const serviceId = z.strictObject({ id: z.string().min(1).max(200) });

// Only this public, non-personal directory may be read from other origins (never the sync API).
const openToAll = (reply: FastifyReply) => reply.header('access-control-allow-origin', '*');
// Where this app is served, for the url of a service with no website of its own (our page for it).
const publicUrl = (request: FastifyRequest) => `${request.protocol}://${request.host}`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export async function servicesRoutes(app: FastifyInstance): Promise<void> {
  const db = app.store.db;

  app.get('/oruk', async (request, reply) => {
    validate(noQuery, request.query);
    openToAll(reply);
    return { version: '3.0', profile: 'https://openreferraluk.org/developers/schemata', openapi_url: '' };
  });

  app.get('/oruk/services', async (request, reply) => {
    const { page, per_page } = validate(pageQuery, request.query);
    const [{ total }] = await db.selectFrom('services').select((eb) => eb.fn.countAll<number>().as('total')).where('deleted', '=', 0).execute();
    const rows = await db.selectFrom('services').select('data').where('deleted', '=', 0).orderBy('id')
      .limit(per_page).offset((page - 1) * per_page).execute();
    openToAll(reply);
    return orukPage(rows.map((r) => JSON.parse(r.data!) as DirectoryService), Number(total), page, per_page, publicUrl(request));
  });

  app.get('/oruk/services/:id', async (request, reply) => {
    const { id } = validate(serviceId, request.params);
    let row = await db.selectFrom('services').select('data').where('id', '=', id).where('deleted', '=', 0).executeTakeFirst();
    if (!row && UUID.test(id)) {
      // The exported id is a UUID v5 of ours: find whose (ids only, so this stays quick on 10,000 services).
      const ids = await db.selectFrom('services').select('id').where('deleted', '=', 0).execute();
      const ours = ids.find((r) => uuidV5(r.id) === id.toLowerCase());
      if (ours) row = await db.selectFrom('services').select('data').where('id', '=', ours.id).executeTakeFirst();
    }
    if (!row?.data) throw new ApiError(404, { error: 'not-found', message: 'No service with that id.' });
    openToAll(reply);
    return toOrukService(JSON.parse(row.data) as DirectoryService, publicUrl(request));
  });

  // Anonymous on purpose: the report says only which service and what kind of problem, nothing about the person.
  app.post('/services/:id/reports', async (request, reply) => {
    const { id } = validate(serviceId, request.params);
    const { reason } = validate(reportBody, request.body);
    const exists = await db.selectFrom('services').select('id').where('id', '=', id).where('deleted', '=', 0).executeTakeFirst();
    if (!exists) throw new ApiError(404, { error: 'not-found', field: 'id', message: 'No service with that id.' });
    await db.insertInto('service_reports').values({ id: randomUUID(), service_id: id, reason, created_at: new Date().toISOString() }).execute();
    reply.status(201);
    return { ok: true };
  });
}
