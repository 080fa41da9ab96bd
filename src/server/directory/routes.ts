// The public directory API: our services in ORUK 3.0 shape (open, CORS *), and "Something wrong here?" reports.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

import { REPORT_REASONS } from '../../shared/directory/report.ts';
import { ApiError, validate } from '../http/errors.ts';
import { noQuery } from '../http/query.ts';
import { orukPage, toOrukService } from './oruk-export.ts';
import { findService, reportProblem, servicesPage } from './services.ts';

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

export async function servicesRoutes(app: FastifyInstance): Promise<void> {
  const db = app.store.db;

  app.get('/oruk', async (request, reply) => {
    validate(noQuery, request.query);
    openToAll(reply);
    return { version: '3.0', profile: 'https://openreferraluk.org/developers/schemata', openapi_url: '' };
  });

  app.get('/oruk/services', async (request, reply) => {
    const { page, per_page } = validate(pageQuery, request.query);
    const { services, total } = await servicesPage(db, page, per_page);
    openToAll(reply);
    return orukPage(services, total, page, per_page, publicUrl(request));
  });

  app.get('/oruk/services/:id', async (request, reply) => {
    const { id } = validate(serviceId, request.params);
    const service = await findService(db, id);
    if (!service) throw new ApiError(404, { error: 'not-found', message: 'No service with that id.' });
    openToAll(reply);
    return toOrukService(service, publicUrl(request));
  });

  // Anonymous on purpose: the report says only which service and what kind of problem, nothing about the person.
  app.post('/services/:id/reports', async (request, reply) => {
    const { id } = validate(serviceId, request.params);
    const { reason } = validate(reportBody, request.body);
    if (!(await reportProblem(db, id, reason))) throw new ApiError(404, { error: 'not-found', field: 'id', message: 'No service with that id.' });
    reply.status(201);
    return { ok: true };
  });
}
