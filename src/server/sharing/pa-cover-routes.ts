// Cover while a PA is on leave: a manager assigns another PA of the same council for a range of UK days (both
// included). During it the covering PA sees the same caseload and shared items, read-only; before or after, 404.
// Assigning, ending and every access by the covering PA are in the audit log.
import { randomUUID } from 'node:crypto';

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import { orderCaseload } from '../../shared/sharing/caseload.ts';
import { type Cover, coverSchema, ukDay } from '../../shared/sharing/schemas.ts';
import { ApiError, validate } from '../http/errors.ts';
import { noQuery } from '../http/query.ts';
import type { Db } from '../store/tables.ts';
import { audit } from './accounts.ts';
import { contactsFor } from './pa-day-routes.ts';
import { requireStaff, staffOf } from './sessions.ts';
import { caseloadOf, sharesFor, withThreads } from './shares.ts';

const idParams = z.strictObject({ id: z.uuid() });
const coverPersonParams = z.strictObject({ id: z.uuid(), personId: z.uuid() });

const notFound = () => new ApiError(404, { error: 'not-found', message: 'Nothing here: you are not covering this caseload today.' });

async function coversOf(db: Db, where: { council: string } | { coverPaId: string; on: string }): Promise<Cover[]> {
  let query = db.selectFrom('pa_cover')
    .innerJoin('staff_users as absent', 'absent.id', 'pa_cover.pa_id')
    .innerJoin('staff_users as cover', 'cover.id', 'pa_cover.cover_pa_id')
    .select(['pa_cover.id', 'pa_cover.pa_id', 'absent.name as pa_name', 'pa_cover.cover_pa_id', 'cover.name as cover_name', 'pa_cover.starts_on', 'pa_cover.ends_on']);
  query = 'council' in where
    ? query.where('pa_cover.council', '=', where.council)
    : query.where('pa_cover.cover_pa_id', '=', where.coverPaId).where('pa_cover.starts_on', '<=', where.on).where('pa_cover.ends_on', '>=', where.on);
  const rows = await query.orderBy('pa_cover.starts_on').execute();
  return rows.map((r) => ({ id: r.id, paId: r.pa_id, paName: r.pa_name, coverPaId: r.cover_pa_id, coverPaName: r.cover_name, from: r.starts_on, to: r.ends_on }));
}

/** Who covers `paId` today, if anyone (for the young person's My PA screen). */
export async function coverToday(db: Db, paId: string): Promise<{ name: string; until: string } | null> {
  const today = ukDay();
  const row = await db.selectFrom('pa_cover').innerJoin('staff_users', 'staff_users.id', 'pa_cover.cover_pa_id').select(['staff_users.name', 'pa_cover.ends_on'])
    .where('pa_cover.pa_id', '=', paId).where('pa_cover.starts_on', '<=', today).where('pa_cover.ends_on', '>=', today).orderBy('pa_cover.ends_on', 'desc').executeTakeFirst();
  return row ? { name: row.name, until: row.ends_on } : null;
}

export async function paCoverRoutes(app: FastifyInstance): Promise<void> {
  const db = app.store.db;
  const manager = { onRequest: requireStaff('manager') };
  const pa = { onRequest: requireStaff('pa') };

  app.get('/manager/pas', manager, async (request) => {
    validate(noQuery, request.query);
    const rows = await db.selectFrom('staff_users').select(['id', 'name']).where('role', '=', 'pa').where('council', '=', staffOf(request).council).orderBy('name').execute();
    return { pas: rows };
  });

  app.get('/manager/cover', manager, async (request) => {
    validate(noQuery, request.query);
    return { cover: await coversOf(db, { council: staffOf(request).council }) };
  });

  app.post('/manager/cover', manager, async (request, reply) => {
    const input = validate(coverSchema, request.body);
    const staff = staffOf(request);
    for (const field of ['paId', 'coverPaId'] as const) {
      const user = await db.selectFrom('staff_users').select('id').where('id', '=', input[field]).where('role', '=', 'pa').where('council', '=', staff.council).executeTakeFirst();
      if (!user) throw new ApiError(400, { error: 'invalid', field, message: 'Choose a PA of your own council.' });
    }
    const id = randomUUID();
    await db.insertInto('pa_cover').values({
      id, pa_id: input.paId, cover_pa_id: input.coverPaId, council: staff.council, starts_on: input.from, ends_on: input.to, created_by: staff.id, created_at: new Date().toISOString(),
    }).execute();
    await audit(db, staff.id, `assign-cover:${id}`, null);
    return reply.status(201).send({ id });
  });

  app.delete('/manager/cover/:id', manager, async (request) => {
    const { id } = validate(idParams, request.params);
    const staff = staffOf(request);
    const gone = await db.deleteFrom('pa_cover').where('id', '=', id).where('council', '=', staff.council).returning('id').executeTakeFirst();
    if (!gone) throw new ApiError(404, { error: 'not-found', message: 'That cover is not one of your council’s.' });
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
    const link = await db.selectFrom('pa_links').selectAll().where('person_id', '=', personId).where('pa_id', '=', cover.paId).executeTakeFirst();
    if (!link) throw notFound();
    await audit(db, staff.id, `cover-open-person:${cover.id}`, personId);
    return {
      cover,
      person: { id: personId, name: link.name, label: link.label ?? null, connectedAt: link.linked_at },
      shares: await withThreads(db, await sharesFor(db, personId, cover.paId), { personId, paId: cover.paId }),
      contacts: await contactsFor(db, personId, cover.paId),
    };
  });
}
