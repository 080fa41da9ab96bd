// The young person's side of sharing: connect to a PA with a code, share and unshare items, see seen/replies,
// count in anonymous monitoring, disconnect. Device token auth only. (Recovery codes and "my devices" are identity/routes.ts.)
import { randomUUID } from 'node:crypto';

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import { normaliseCode } from '../../shared/readableCode.ts';
import { paCopyOf } from '../../shared/sharing/paCopy.ts';
import { connectSchema, messageSchema, monitoringSchema, myContactSchema, type MyPaStatus, shareSchema } from '../../shared/sharing/schemas.ts';
import { nextWorkingTime } from '../../shared/sharing/working-hours.ts';
import { workingHoursOf } from '../../shared/sharing/working-hours.ts';
import { clearAttempts, countAttempt, PER_ADDRESS, PER_TARGET, refundAttempts } from '../auth/attempts.ts';
import { deviceOf, requireDevice } from '../auth/device.ts';
import { hashSecret } from '../auth/tokens.ts';
import { ApiError, validate } from '../http/errors.ts';
import { noQuery } from '../http/query.ts';
import type { Db } from '../store/tables.ts';
import { coverToday } from './pa-cover-routes.ts';
import { addMessage, contactOf, toSharedItem, withThreads } from './shares.ts';

// Schemas are built once, not per request: zod compiles a schema the first time it runs it.
const idParams = z.strictObject({ id: z.uuid() });
const device = { onRequest: requireDevice };

const notConnected = () => new ApiError(409, { error: 'not-connected', message: 'You are not connected to a PA. Ask your PA for a code and connect first.' });

/** Leaving a PA (disconnecting, or connecting to another): their caseload keeps a "stopped sharing" card, name and when only. */
async function endLink(trx: Db, personId: string, now: string, unlessPa: string | null): Promise<void> {
  const old = await trx.selectFrom('pa_links').select(['pa_id', 'name', 'label']).where('person_id', '=', personId).executeTakeFirst();
  if (!old || old.pa_id === unlessPa) return;
  await trx.deleteFrom('contact_log').where('person_id', '=', personId).where('pa_id', '=', old.pa_id).execute();
  await trx.deleteFrom('ended_links').where('person_id', '=', personId).where('pa_id', '=', old.pa_id).execute();
  await trx.insertInto('ended_links').values({ id: randomUUID(), person_id: personId, pa_id: old.pa_id, name: old.name, label: old.label ?? null, ended_at: now }).execute();
}

export async function sharingRoutes(app: FastifyInstance): Promise<void> {
  const db = app.store.db;

  app.get('/my-pa', device, async (request): Promise<MyPaStatus> => {
    validate(noQuery, request.query);
    const { personId } = deviceOf(request);
    const monitoring = !!(await db.selectFrom('monitoring_consents').select('person_id').where('person_id', '=', personId).executeTakeFirst());
    const link = await db.selectFrom('pa_links').innerJoin('staff_users', 'staff_users.id', 'pa_links.pa_id')
      .select(['pa_links.pa_id', 'pa_links.contact', 'staff_users.name', 'staff_users.working_hours']).where('person_id', '=', personId).executeTakeFirst();
    if (!link) return { connected: false, monitoring };
    const rows = await db.selectFrom('shares').selectAll().where('person_id', '=', personId).where('pa_id', '=', link.pa_id).orderBy('shared_at', 'desc').execute();
    const shares = await withThreads(db, rows.map(toSharedItem), { personId, paId: link.pa_id });
    // The PA's "read" marks on their answers are the PA's own business: the phone gets the words and times only.
    for (const item of shares) item.thread = item.thread?.map(({ seenAt: _seen, ...m }) => m);
    return { connected: true, monitoring, paName: link.name, workingHours: workingHoursOf(link.working_hours), shares, coveredBy: await coverToday(db, link.pa_id), contact: contactOf(link.contact) };
  });

  app.post('/my-pa/connect', device, async (request) => {
    const { code, name, language } = validate(connectSchema, request.body);
    const { personId } = deviceOf(request);
    const keys = [{ key: `pair:${personId}`, policy: PER_TARGET }, { key: `pair-ip:${request.ip}`, policy: PER_ADDRESS }];
    await countAttempt(db, keys);
    const now = new Date().toISOString();
    const paName = await db.transaction().execute(async (trx) => {
      // One UPDATE claims the code, so a code works once even when two phones race.
      const claimed = await trx.updateTable('pairing_codes').set({ used_at: now })
        .where('code_hash', '=', hashSecret(normaliseCode(code))).where('used_at', 'is', null).where('expires_at', '>', now)
        .returning('pa_id').executeTakeFirst();
      if (!claimed) return null;
      const pa = await trx.selectFrom('staff_users').select(['name', 'council']).where('id', '=', claimed.pa_id).executeTakeFirstOrThrow();
      // A new PA never inherits what was shared with the old one; the old one sees "stopped sharing".
      await endLink(trx, personId, now, claimed.pa_id);
      await trx.deleteFrom('ended_links').where('person_id', '=', personId).where('pa_id', '=', claimed.pa_id).execute();
      await trx.deleteFrom('shares').where('person_id', '=', personId).execute();
      await trx.deleteFrom('pa_links').where('person_id', '=', personId).execute();
      await trx.insertInto('pa_links').values({ person_id: personId, pa_id: claimed.pa_id, council: pa.council, name, linked_at: now, language: language ?? null }).execute();
      await trx.updateTable('monitoring_consents').set({ council: pa.council }).where('person_id', '=', personId).execute();
      return pa.name;
    });
    if (paName === null) {
      throw new ApiError(400, { error: 'pairing-code-rejected', field: 'code', message: 'That code is wrong, already used or more than 3 days old. Ask your PA for a new one.' });
    }
    await clearAttempts(db, [`pair:${personId}`]);
    await refundAttempts(db, [`pair-ip:${request.ip}`]);
    return { connected: true, paName };
  });

  app.delete('/my-pa', device, async (request) => {
    const { personId } = deviceOf(request);
    await db.transaction().execute(async (trx) => {
      await endLink(trx, personId, new Date().toISOString(), null);
      await trx.deleteFrom('shares').where('person_id', '=', personId).execute();
      await trx.deleteFrom('pa_links').where('person_id', '=', personId).execute();
      // Counting in was given through this PA's council: leaving the PA ends it too (they can opt in again later).
      await trx.deleteFrom('monitoring_consents').where('person_id', '=', personId).execute();
    });
    return { connected: false, monitoring: false };
  });

  app.post('/my-pa/shares', device, async (request, reply) => {
    const input = validate(shareSchema, request.body);
    const { personId } = deviceOf(request);
    const link = await db.selectFrom('pa_links').innerJoin('staff_users', 'staff_users.id', 'pa_links.pa_id')
      .select(['pa_id', 'working_hours']).where('person_id', '=', personId).executeTakeFirst();
    if (!link) throw notConnected();
    const id = input.kind === 'request' ? input.id : input.record.id;
    // Only what was chosen is copied; for a check-in that is the whole check-in the person saw when sharing.
    // The same copy a synced record makes (src/shared/sharing/paCopy.ts): a check-in's note only when ticked.
    const data = input.kind === 'request' ? paCopyOf('paRequest', input) : paCopyOf(input.kind, { ...input.record, sharedWithPa: true });
    const now = new Date();
    const values = { pa_id: link.pa_id, kind: input.kind, data: JSON.stringify(data), shared_at: now.toISOString(), seen_at: null, reply: null };
    const saved = await db.insertInto('shares').values({ id, person_id: personId, ...values })
      .onConflict((oc) => oc.column('id').doUpdateSet(values).where('shares.person_id', '=', personId))
      .returning('id').executeTakeFirst();
    if (!saved) throw new ApiError(403, { error: 'forbidden', field: 'id', message: 'This item belongs to someone else.' });
    const likely = nextWorkingTime(workingHoursOf(link.working_hours), now);
    const outOfHours = likely === null || likely.getTime() !== now.getTime();
    return reply.status(201).send({ id, sharedAt: values.shared_at, outOfHours, likelySeenFrom: outOfHours && likely ? likely.toISOString() : null });
  });

  // A phone number and how they like to be contacted, only if they choose; null stops sharing it.
  app.put('/my-pa/contact', device, async (request) => {
    const { contact } = validate(myContactSchema, request.body);
    const { personId } = deviceOf(request);
    const updated = await db.updateTable('pa_links').set({ contact: contact ? JSON.stringify(contact) : null }).where('person_id', '=', personId).returning('person_id').executeTakeFirst();
    if (!updated) throw notConnected();
    return { contact };
  });

  // The young person's answer in an item's thread, once the PA has replied to it.
  app.post('/my-pa/shares/:id/messages', device, async (request, reply) => {
    const { id } = validate(idParams, request.params);
    const { text } = validate(messageSchema, request.body);
    const { personId } = deviceOf(request);
    const share = await db.selectFrom('shares').innerJoin('pa_links', (j) => j.onRef('pa_links.person_id', '=', 'shares.person_id').onRef('pa_links.pa_id', '=', 'shares.pa_id'))
      .select(['shares.id', 'shares.person_id', 'shares.pa_id', 'shares.reply']).where('shares.id', '=', id).where('shares.person_id', '=', personId).executeTakeFirst();
    if (!share) throw new ApiError(404, { error: 'not-found', message: 'This is not shared (any more).' });
    const paWrote = share.reply || (await db.selectFrom('share_messages').select('id').where('share_id', '=', id).where('author', '=', 'pa').executeTakeFirst());
    if (!paWrote) throw new ApiError(409, { error: 'no-reply-yet', message: 'You can answer once your PA has replied to this.' });
    return reply.status(201).send({ message: await addMessage(db, share, 'young-person', text) });
  });

  app.delete('/my-pa/shares/:id', device, async (request) => {
    const { id } = validate(idParams, request.params);
    const { personId } = deviceOf(request);
    const gone = await db.deleteFrom('shares').where('id', '=', id).where('person_id', '=', personId).returning('id').executeTakeFirst();
    if (!gone) throw new ApiError(404, { error: 'not-found', message: 'This is not shared (any more).' });
    return { id, shared: false };
  });

  app.put('/my-pa/monitoring', device, async (request) => {
    const { optIn } = validate(monitoringSchema, request.body);
    const { personId } = deviceOf(request);
    if (!optIn) {
      await db.deleteFrom('monitoring_consents').where('person_id', '=', personId).execute();
      return { monitoring: false };
    }
    const link = await db.selectFrom('pa_links').select('council').where('person_id', '=', personId).executeTakeFirst();
    if (!link) throw notConnected();
    await db.insertInto('monitoring_consents').values({ person_id: personId, council: link.council, opted_in_at: new Date().toISOString() })
      .onConflict((oc) => oc.column('person_id').doUpdateSet({ council: link.council })).execute();
    return { monitoring: true };
  });
}
