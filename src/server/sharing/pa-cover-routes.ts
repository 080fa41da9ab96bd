// Cover while a PA is on leave: a manager assigns another PA of the same council for a range of UK days (both
// included). During it the covering PA sees the same caseload and shared items, read-only; before or after, 404.
// Assigning, ending and every access by the covering PA are in the audit log.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import { orderCaseload } from '../../shared/sharing/caseload.ts';
import { type Cover, coverSchema, ukDay } from '../../shared/sharing/schemas.ts';
import { ApiError, validate } from '../http/errors.ts';
import { idParams } from '../http/params.ts';
import { noQuery } from '../http/query.ts';
import { audit } from './accounts.ts';
import { assignCover, coversOf, endCover, isPaOfCouncil, pasOfCouncil } from './cover.ts';
import { contactsFor, linkOf } from './pa-day.ts';
import { requireStaff, staffOf } from './sessions.ts';
import { caseloadOf, sharesWithThreads } from './shares.ts';

const coverPersonParams = z.strictObject({ id: z.uuid(), personId: z.uuid() });

const notFound = () => new ApiError(404, { error: 'not-found', message: 'Nothing here: you are not covering this caseload today.' });

export async function paCoverRoutes(app: FastifyInstance): Promise<void> {
  const db = app.store.db;
  const manager = { onRequest: requireStaff('manager') };
  const pa = { onRequest: requireStaff('pa') };

  app.get('/manager/pas', manager, async (request) => {
    validate(noQuery, request.query);
    return { pas: await pasOfCouncil(db, staffOf(request).council) };
  });

  app.get('/manager/cover', manager, async (request) => {
    validate(noQuery, request.query);
    return { cover: await coversOf(db, { council: staffOf(request).council }) };
  });

  app.post('/manager/cover', manager, async (request, reply) => {
    const input = validate(coverSchema, request.body);
    const staff = staffOf(request);
    for (const field of ['paId', 'coverPaId'] as const) {
      if (!(await isPaOfCouncil(db, input[field], staff.council))) throw new ApiError(400, { error: 'invalid', field, message: 'Choose a PA of your own council.' });
    }
    const id = await assignCover(db, staff, input);
    await audit(db, staff.id, `assign-cover:${id}`, null);
    return reply.status(201).send({ id });
  });

  app.delete('/manager/cover/:id', manager, async (request) => {
    const { id } = validate(idParams, request.params);
    const staff = staffOf(request);
    if (!(await endCover(db, id, staff.council))) throw new ApiError(404, { error: 'not-found', message: 'That cover is not one of your council’s.' });
    await audit(db, staff.id, `end-cover:${id}`, null);
    return { ended: true };
  });

  /** The caseloads I cover today. */
  app.get('/pa/covering', pa, async (request) => {
    validate(noQuery, request.query);
    return { covering: await coversOf(db, { coverPaId: staffOf(request).id, on: ukDay() }) };
  });

  async function activeCover(id: string, coverPaId: string): Promise<Cover> {
    const cover = (await coversOf(db, { coverPaId, on: ukDay() })).find((c) => c.id === id);
    if (!cover) throw notFound();
    return cover;
  }

  app.get('/pa/covering/:id/caseload', pa, async (request) => {
    const { id } = validate(idParams, request.params);
    validate(noQuery, request.query);
    const staff = staffOf(request);
    const cover = await activeCover(id, staff.id);
    await audit(db, staff.id, `cover-caseload:${cover.id}`, null);
    return { cover, caseload: orderCaseload(await caseloadOf(db, cover.paId)) };
  });

  app.get('/pa/covering/:id/people/:personId', pa, async (request) => {
    const { id, personId } = validate(coverPersonParams, request.params);
    const staff = staffOf(request);
    const cover = await activeCover(id, staff.id);
    const link = await linkOf(db, personId, cover.paId);
    if (!link) throw notFound();
    await audit(db, staff.id, `cover-open-person:${cover.id}`, personId);
    return {
      cover,
      person: { id: personId, name: link.name, label: link.label ?? null, connectedAt: link.linked_at },
      shares: await sharesWithThreads(db, personId, cover.paId),
      contacts: await contactsFor(db, personId, cover.paId),
    };
  });
}
