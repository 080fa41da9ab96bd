// The PA page's API: sign in and out, the caseload, a young person's shared items, seen + reply,
// pairing codes, working hours and CSV export. Every call needs a PA session; every object is checked.
import type { FastifyInstance } from 'fastify';

import { orderCaseload } from '../../shared/sharing/caseload.ts';
import {
  changePasswordSchema, loginSchema, seenSchema, workingHoursSchema,
} from '../../shared/sharing/schemas.ts';
import { clearAttempts, countAttempt, PER_ADDRESS, PER_TARGET, refundAttempts } from '../auth/attempts.ts';
import { ApiError, validate } from '../http/errors.ts';
import { idParams, noBody, notConnectedToYou, personParams } from '../http/params.ts';
import { noQuery } from '../http/query.ts';
import { audit, changePassword, checkSignIn, setWorkingHours, staffSettingsOf } from './accounts.ts';
import { caseloadForExport, contactsFor, linkOf, markSeenWithReply, stoppedSharing } from './pa-day.ts';
import { makePairingCode } from './pairing-codes.ts';
import { endOtherSessions, endSession, requireSameOrigin, requireStaff, requireStaffWithOneTimePassword, sessionTokenOf, staffOf, startSession } from './sessions.ts';
import { caseloadAsCsv, caseloadOf, contactOf, sharesAsCsv, sharesWithThreads } from './shares.ts';

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
    return { user: staff, ...(await staffSettingsOf(db, staff.id)) };
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
    return { caseload: orderCaseload(await caseloadOf(db, staff.id)), ended: await stoppedSharing(db, staff.id) };
  });

  app.get('/pa/people/:personId', pa, async (request) => {
    const { personId } = validate(personParams, request.params);
    const staff = staffOf(request);
    const link = await linkOf(db, personId, staff.id);
    if (!link) throw notConnectedToYou();
    await audit(db, staff.id, 'open-person', personId);
    return {
      person: { id: personId, name: link.name, label: link.label ?? null, connectedAt: link.linked_at, contact: contactOf(link.contact) },
      shares: await sharesWithThreads(db, personId, staff.id),
      contacts: await contactsFor(db, personId, staff.id),
    };
  });

  app.get('/pa/people/:personId/export.csv', pa, async (request, reply) => {
    const { personId } = validate(personParams, request.params);
    const staff = staffOf(request);
    if (!(await linkOf(db, personId, staff.id))) throw notConnectedToYou();
    await audit(db, staff.id, 'export-csv', personId);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="shared-with-pa.csv"')
      .send(sharesAsCsv(await sharesWithThreads(db, personId, staff.id)));
  });

  // One file for the whole caseload: every shared item (appointment titles and times included) and the contact log.
  app.get('/pa/caseload/export.csv', pa, async (request, reply) => {
    validate(noQuery, request.query);
    const staff = staffOf(request);
    const people = await caseloadForExport(db, staff.id);
    await audit(db, staff.id, 'export-caseload-csv', null);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="caseload.csv"')
      .send(caseloadAsCsv(people));
  });

  app.post('/pa/shares/:id/seen', pa, async (request) => {
    const { id } = validate(idParams, request.params);
    const { reply } = validate(seenSchema, request.body ?? {});
    const staff = staffOf(request);
    const seenAt = new Date().toISOString();
    const seen = await markSeenWithReply(db, staff.id, id, reply || null, seenAt);
    if (!seen) throw notConnectedToYou();
    await audit(db, staff.id, 'mark-seen', seen.personId);
    return { id, seenAt, reply: reply || null };
  });

  app.post('/pa/pairing-codes', pa, async (request, reply) => {
    validate(noBody, request.body ?? undefined);
    return reply.status(201).send(await makePairingCode(db, staffOf(request).id));
  });

  app.put('/pa/working-hours', pa, async (request) => {
    const hours = validate(workingHoursSchema, request.body);
    await setWorkingHours(db, staffOf(request).id, hours);
    return { workingHours: hours };
  });
}
