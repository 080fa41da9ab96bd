// The PA page's API: sign in and out, the caseload, a young person's shared items, seen + reply,
// pairing codes, working hours and CSV export. Every call needs a PA session; every object is checked.
import { randomUUID } from 'node:crypto';

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import { normaliseCode } from '../../shared/readableCode.ts';
import { orderCaseload } from '../../shared/sharing/caseload.ts';
import {
  changePasswordSchema, loginSchema, seenSchema, workingHoursSchema,
} from '../../shared/sharing/schemas.ts';
import { workingHoursOf } from '../../shared/sharing/working-hours.ts';
import { clearAttempts, countAttempt, PER_ADDRESS, PER_TARGET, refundAttempts } from '../auth/attempts.ts';
import { hashSecret, newPairingCode } from '../auth/tokens.ts';
import { ApiError, validate } from '../http/errors.ts';
import { noQuery } from '../http/query.ts';
import { audit, changePassword, checkSignIn } from './accounts.ts';
import { contactsFor, markSeen } from './pa-day-routes.ts';
import { endOtherSessions, endSession, requireSameOrigin, requireStaff, requireStaffWithOneTimePassword, sessionTokenOf, staffOf, startSession } from './sessions.ts';
import { caseloadAsCsv, caseloadOf, contactOf, sharesAsCsv, sharesFor, withThreads } from './shares.ts';

const PAIRING_CODE_TTL_MS = 72 * 60 * 60 * 1000;

// Schemas are built once, not per request: zod compiles a schema the first time it runs it.
const noBody = z.strictObject({}).optional();
const personParams = z.strictObject({ personId: z.uuid() });
const shareParams = z.strictObject({ id: z.uuid() });

const notFound = () => new ApiError(404, { error: 'not-found', message: 'Nothing here: this young person is not connected to you, or stopped sharing it.' });

export async function paRoutes(app: FastifyInstance): Promise<void> {
  const db = app.store.db;
  const pa = { onRequest: requireStaff('pa') };
  const anyStaff = { onRequest: requireStaffWithOneTimePassword('pa', 'manager', 'admin') };

  app.post('/pa/login', async (request, reply) => {
    requireSameOrigin(request);
    const { email, password } = validate(loginSchema, request.body);
    const keys = [{ key: `login:${email}`, policy: PER_TARGET }, { key: `login-ip:${request.ip}`, policy: PER_ADDRESS }];
    await countAttempt(db, keys);
    const user = await checkSignIn(db, email, password);
    if (!user) throw new ApiError(401, { error: 'wrong-sign-in', message: 'That email or password is not right. Check them and try again.' });
    await clearAttempts(db, [`login:${email}`]);
    await refundAttempts(db, [`login-ip:${request.ip}`]);
    await startSession(request, reply, user.id);
    return { user };
  });

  app.post('/pa/logout', async (request, reply) => {
    requireSameOrigin(request);
    if (!sessionTokenOf(request)) throw new ApiError(401, { error: 'unauthorised', message: 'You are already signed out.' });
    await endSession(request, reply);
    return { ok: true };
  });

  app.get('/pa/me', anyStaff, async (request) => {
    validate(noQuery, request.query);
    const staff = staffOf(request);
    const row = await db.selectFrom('staff_users').select(['working_hours', 'must_change_password']).where('id', '=', staff.id).executeTakeFirstOrThrow();
    return { user: staff, workingHours: workingHoursOf(row.working_hours), mustChangePassword: Number(row.must_change_password) !== 0 };
  });

  app.post('/pa/password', anyStaff, async (request) => {
    const { currentPassword, newPassword } = validate(changePasswordSchema, request.body);
    const staff = staffOf(request);
    const keys = [{ key: `password:${staff.id}`, policy: PER_TARGET }];
    await countAttempt(db, keys);
    if (!(await changePassword(db, staff.id, currentPassword, newPassword))) {
      throw new ApiError(400, { error: 'wrong-password', field: 'currentPassword', message: 'Your current password is not right.' });
    }
    await clearAttempts(db, [`password:${staff.id}`]);
    // Whoever else was signed in as this person (a lost laptop, an old password) is signed out now.
    await endOtherSessions(request, staff.id);
    return { ok: true };
  });

  app.get('/pa/caseload', pa, async (request) => {
    validate(noQuery, request.query);
    const staff = staffOf(request);
    // Who stopped sharing (disconnected): a card saying when, until the PA removes it.
    const ended = await db.selectFrom('ended_links').select(['person_id', 'name', 'label', 'ended_at']).where('pa_id', '=', staff.id).orderBy('ended_at', 'desc').execute();
    return {
      caseload: orderCaseload(await caseloadOf(db, staff.id)),
      ended: ended.map((e) => ({ personId: e.person_id, name: e.name, label: e.label, endedAt: e.ended_at })),
    };
  });

  app.get('/pa/people/:personId', pa, async (request) => {
    const { personId } = validate(personParams, request.params);
    const staff = staffOf(request);
    const link = await db.selectFrom('pa_links').selectAll().where('person_id', '=', personId).where('pa_id', '=', staff.id).executeTakeFirst();
    if (!link) throw notFound();
    await audit(db, staff.id, 'open-person', personId);
    return {
      person: { id: personId, name: link.name, label: link.label ?? null, connectedAt: link.linked_at, contact: contactOf(link.contact) },
      shares: await withThreads(db, await sharesFor(db, personId, staff.id), { personId, paId: staff.id }),
      contacts: await contactsFor(db, personId, staff.id),
    };
  });

  app.get('/pa/people/:personId/export.csv', pa, async (request, reply) => {
    const { personId } = validate(personParams, request.params);
    const staff = staffOf(request);
    const link = await db.selectFrom('pa_links').select('name').where('person_id', '=', personId).where('pa_id', '=', staff.id).executeTakeFirst();
    if (!link) throw notFound();
    await audit(db, staff.id, 'export-csv', personId);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="shared-with-pa.csv"')
      .send(sharesAsCsv(await withThreads(db, await sharesFor(db, personId, staff.id), { personId, paId: staff.id })));
  });

  // One file for the whole caseload: every shared item (appointment titles and times included) and the contact log.
  app.get('/pa/caseload/export.csv', pa, async (request, reply) => {
    validate(noQuery, request.query);
    const staff = staffOf(request);
    const links = await db.selectFrom('pa_links').select(['person_id', 'name', 'label']).where('pa_id', '=', staff.id).orderBy('name').execute();
    const people = [];
    for (const link of links) {
      people.push({
        name: link.name, label: link.label ?? null,
        items: await withThreads(db, await sharesFor(db, link.person_id, staff.id), { personId: link.person_id, paId: staff.id }),
        contacts: await contactsFor(db, link.person_id, staff.id),
      });
    }
    await audit(db, staff.id, 'export-caseload-csv', null);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="caseload.csv"')
      .send(caseloadAsCsv(people));
  });

  app.post('/pa/shares/:id/seen', pa, async (request) => {
    const { id } = validate(shareParams, request.params);
    const { reply } = validate(seenSchema, request.body ?? {});
    const staff = staffOf(request);
    const seenAt = new Date().toISOString();
    const updated = await db.updateTable('shares').set({ seen_at: seenAt, reply: reply || null })
      .where('id', '=', id).where('pa_id', '=', staff.id).returning(['id', 'person_id']).executeTakeFirst();
    if (!updated) throw notFound();
    await markSeen(db, staff.id, updated.person_id, [id], seenAt);
    await audit(db, staff.id, 'mark-seen', updated.person_id);
    return { id, seenAt, reply: reply || null };
  });

  app.post('/pa/pairing-codes', pa, async (request, reply) => {
    validate(noBody, request.body ?? undefined);
    const staff = staffOf(request);
    const code = newPairingCode();
    const now = Date.now();
    const expiresAt = new Date(now + PAIRING_CODE_TTL_MS).toISOString();
    await db.insertInto('pairing_codes').values({
      id: randomUUID(), code_hash: hashSecret(normaliseCode(code)), pa_id: staff.id, created_at: new Date(now).toISOString(), expires_at: expiresAt, used_at: null,
    }).execute();
    return reply.status(201).send({ code, expiresAt });
  });

  app.put('/pa/working-hours', pa, async (request) => {
    const hours = validate(workingHoursSchema, request.body);
    await db.updateTable('staff_users').set({ working_hours: JSON.stringify(hours) }).where('id', '=', staffOf(request).id).execute();
    return { workingHours: hours };
  });
}
