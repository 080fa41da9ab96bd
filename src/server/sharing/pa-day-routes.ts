// A PA's day (issue 16): mark a run of requests or everything seen, the short thread on an item, the contact log,
// labels, removing a stale connection, and the PA's outstanding pairing codes. Every call needs a PA session and
// touches only that PA's own young people and codes (anything else is a 404, as if it did not exist).
import type { FastifyInstance } from 'fastify';

import { contactSchema, labelSchema, messageSchema, seenManySchema } from '../../shared/sharing/schemas.ts';
import { ApiError, validate } from '../http/errors.ts';
import { idParams, noBody, notConnectedToYou, personParams } from '../http/params.ts';
import { noQuery } from '../http/query.ts';
import { audit } from './accounts.ts';
import { linkOf, logContact, markSeen, removeConnection, replyAsPa, setLabel } from './pa-day.ts';
import { cancelPairingCode, outstandingPairingCodes } from './pairing-codes.ts';
import { requireStaff, staffOf } from './sessions.ts';

export async function paDayRoutes(app: FastifyInstance): Promise<void> {
  const db = app.store.db;
  const pa = { onRequest: requireStaff('pa') };

  app.post('/pa/people/:personId/seen', pa, async (request) => {
    const { personId } = validate(personParams, request.params);
    const { ids } = validate(seenManySchema, request.body ?? {});
    const staff = staffOf(request);
    if (!(await linkOf(db, personId, staff.id))) throw notConnectedToYou();
    const seenAt = new Date().toISOString();
    const marked = await markSeen(db, staff.id, personId, ids, seenAt);
    await audit(db, staff.id, 'mark-seen', personId);
    return { marked, seenAt };
  });

  app.post('/pa/shares/:id/messages', pa, async (request, reply) => {
    const { id } = validate(idParams, request.params);
    const { text } = validate(messageSchema, request.body);
    const staff = staffOf(request);
    const replied = await replyAsPa(db, staff.id, id, text);
    if (!replied) throw notConnectedToYou();
    await audit(db, staff.id, 'reply', replied.personId);
    return reply.status(201).send({ message: replied.message });
  });

  app.post('/pa/people/:personId/contacts', pa, async (request, reply) => {
    const { personId } = validate(personParams, request.params);
    const { kind, at } = validate(contactSchema, request.body);
    const staff = staffOf(request);
    if (!(await linkOf(db, personId, staff.id))) throw notConnectedToYou();
    const entry = await logContact(db, staff.id, personId, kind, at);
    await audit(db, staff.id, 'log-contact', personId);
    return reply.status(201).send({ contact: entry });
  });

  app.put('/pa/people/:personId/label', pa, async (request) => {
    const { personId } = validate(personParams, request.params);
    const { label } = validate(labelSchema, request.body);
    if (!(await setLabel(db, staffOf(request).id, personId, label || null))) throw notConnectedToYou();
    return { label: label || null };
  });

  // Removes a stale connection (or the "stopped sharing" card it left): pa-day.ts says what goes with it.
  app.delete('/pa/people/:personId', pa, async (request) => {
    const { personId } = validate(personParams, request.params);
    validate(noBody, request.body ?? undefined);
    const staff = staffOf(request);
    if (!(await removeConnection(db, staff.id, personId))) throw notConnectedToYou();
    await audit(db, staff.id, 'remove-connection', personId);
    return { removed: true };
  });

  app.get('/pa/pairing-codes', pa, async (request) => {
    validate(noQuery, request.query);
    return { codes: await outstandingPairingCodes(db, staffOf(request).id) };
  });

  app.delete('/pa/pairing-codes/:id', pa, async (request) => {
    const { id } = validate(idParams, request.params);
    validate(noBody, request.body ?? undefined);
    if (!(await cancelPairingCode(db, staffOf(request).id, id))) {
      throw new ApiError(404, { error: 'not-found', message: 'That code is not one of yours, or was already used or cancelled.' });
    }
    return { cancelled: true };
  });
}
