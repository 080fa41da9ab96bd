// A PA's day (issue 16): mark a run of requests or everything seen, the short thread on an item, the contact log,
// labels, removing a stale connection, and the PA's outstanding pairing codes. Every call needs a PA session and
// touches only that PA's own young people and codes (anything else is a 404, as if it did not exist).
import { randomUUID } from 'node:crypto';

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import { type ContactEntry, type ContactKind, contactSchema, labelSchema, messageSchema, seenManySchema } from '../../shared/sharing/schemas.ts';
import { ApiError, validate } from '../http/errors.ts';
import { noQuery } from '../http/query.ts';
import type { Db } from '../store/tables.ts';
import { audit } from './accounts.ts';
import { requireStaff, staffOf } from './sessions.ts';
import { addMessage } from './shares.ts';

const noBody = z.strictObject({}).optional();
const personParams = z.strictObject({ personId: z.uuid() });
const idParams = z.strictObject({ id: z.uuid() });

const notFound = () => new ApiError(404, { error: 'not-found', message: 'Nothing here: this young person is not connected to you, or stopped sharing it.' });

async function linkOf(db: Db, personId: string, paId: string) {
  return db.selectFrom('pa_links').selectAll().where('person_id', '=', personId).where('pa_id', '=', paId).executeTakeFirst();
}

/** Marks shares seen (those not seen yet) and the young person's answers on them read. */
export async function markSeen(db: Db, paId: string, personId: string, ids: string[] | undefined, now: string): Promise<number> {
  let shares = db.updateTable('shares').set({ seen_at: now }).where('pa_id', '=', paId).where('person_id', '=', personId).where('seen_at', 'is', null);
  let answers = db.updateTable('share_messages').set({ seen_at: now }).where('pa_id', '=', paId).where('person_id', '=', personId).where('seen_at', 'is', null);
  if (ids) {
    shares = shares.where('id', 'in', ids);
    answers = answers.where('share_id', 'in', ids);
  }
  const marked = await shares.returning('id').execute();
  await answers.execute();
  return marked.length;
}

export async function contactsFor(db: Db, personId: string, paId: string): Promise<ContactEntry[]> {
  const rows = await db.selectFrom('contact_log').select(['id', 'kind', 'at']).where('person_id', '=', personId).where('pa_id', '=', paId).orderBy('at', 'desc').execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind as ContactKind, at: r.at }));
}

export async function paDayRoutes(app: FastifyInstance): Promise<void> {
  const db = app.store.db;
  const pa = { onRequest: requireStaff('pa') };

  app.post('/pa/people/:personId/seen', pa, async (request) => {
    const { personId } = validate(personParams, request.params);
    const { ids } = validate(seenManySchema, request.body ?? {});
    const staff = staffOf(request);
    if (!(await linkOf(db, personId, staff.id))) throw notFound();
    const seenAt = new Date().toISOString();
    const marked = await markSeen(db, staff.id, personId, ids, seenAt);
    await audit(db, staff.id, 'mark-seen', personId);
    return { marked, seenAt };
  });

  app.post('/pa/shares/:id/messages', pa, async (request, reply) => {
    const { id } = validate(idParams, request.params);
    const { text } = validate(messageSchema, request.body);
    const staff = staffOf(request);
    const share = await db.selectFrom('shares').select(['id', 'person_id', 'pa_id']).where('id', '=', id).where('pa_id', '=', staff.id).executeTakeFirst();
    if (!share) throw notFound();
    // Replying is reading: the item and the answers above it are seen now.
    await markSeen(db, staff.id, share.person_id, [id], new Date().toISOString());
    const message = await addMessage(db, share, 'pa', text);
    await audit(db, staff.id, 'reply', share.person_id);
    return reply.status(201).send({ message });
  });

  app.post('/pa/people/:personId/contacts', pa, async (request, reply) => {
    const { personId } = validate(personParams, request.params);
    const { kind, at } = validate(contactSchema, request.body);
    const staff = staffOf(request);
    if (!(await linkOf(db, personId, staff.id))) throw notFound();
    const entry = { id: randomUUID(), kind, at: new Date(at).toISOString() };
    await db.insertInto('contact_log').values({ ...entry, person_id: personId, pa_id: staff.id, recorded_at: new Date().toISOString() }).execute();
    await audit(db, staff.id, 'log-contact', personId);
    return reply.status(201).send({ contact: entry });
  });

  app.put('/pa/people/:personId/label', pa, async (request) => {
    const { personId } = validate(personParams, request.params);
    const { label } = validate(labelSchema, request.body);
    const staff = staffOf(request);
    const updated = await db.updateTable('pa_links').set({ label: label || null }).where('person_id', '=', personId).where('pa_id', '=', staff.id).returning('person_id').executeTakeFirst();
    if (!updated) throw notFound();
    return { label: label || null };
  });

  // Removes a stale connection (or the "stopped sharing" card it left). The young person's phone then says it is not
  // connected; everything they had shared with this PA goes (threads with their items, the contact log with the link).
  app.delete('/pa/people/:personId', pa, async (request) => {
    const { personId } = validate(personParams, request.params);
    validate(noBody, request.body ?? undefined);
    const staff = staffOf(request);
    const removed = await db.transaction().execute(async (trx) => {
      const link = await trx.deleteFrom('pa_links').where('person_id', '=', personId).where('pa_id', '=', staff.id).returning('person_id').executeTakeFirst();
      const ended = await trx.deleteFrom('ended_links').where('person_id', '=', personId).where('pa_id', '=', staff.id).returning('id').execute();
      if (!link && ended.length === 0) return false;
      if (link) {
        await trx.deleteFrom('shares').where('person_id', '=', personId).where('pa_id', '=', staff.id).execute();
        await trx.deleteFrom('monitoring_consents').where('person_id', '=', personId).execute();
      }
      await trx.deleteFrom('contact_log').where('person_id', '=', personId).where('pa_id', '=', staff.id).execute();
      return true;
    });
    if (!removed) throw notFound();
    await audit(db, staff.id, 'remove-connection', personId);
    return { removed: true };
  });

  app.get('/pa/pairing-codes', pa, async (request) => {
    validate(noQuery, request.query);
    const now = new Date().toISOString();
    const rows = await db.selectFrom('pairing_codes').select(['id', 'created_at', 'expires_at']).where('pa_id', '=', staffOf(request).id)
      .where('used_at', 'is', null).where('expires_at', '>', now).where('id', 'is not', null).orderBy('created_at', 'desc').execute();
    return { codes: rows.map((r) => ({ id: r.id!, createdAt: r.created_at, expiresAt: r.expires_at })) };
  });

  app.delete('/pa/pairing-codes/:id', pa, async (request) => {
    const { id } = validate(idParams, request.params);
    validate(noBody, request.body ?? undefined);
    const gone = await db.deleteFrom('pairing_codes').where('id', '=', id).where('pa_id', '=', staffOf(request).id).where('used_at', 'is', null)
      .returning('code_hash').executeTakeFirst();
    if (!gone) throw new ApiError(404, { error: 'not-found', message: 'That code is not one of yours, or was already used or cancelled.' });
    return { cancelled: true };
  });
}
