// The young person's side of sharing: connect to a PA with a code, share and unshare items, see seen/replies,
// count in anonymous monitoring, disconnect. Device token auth only. (Recovery codes and "my devices" are identity/routes.ts.)
import type { FastifyInstance } from 'fastify';

import { connectSchema, messageSchema, monitoringSchema, myContactSchema, type MyPaStatus, shareSchema } from '../../shared/sharing/schemas.ts';
import { clearAttempts, countAttempt, PER_ADDRESS, PER_TARGET, refundAttempts } from '../auth/attempts.ts';
import { deviceOf, requireDevice } from '../auth/device.ts';
import { ApiError, validate } from '../http/errors.ts';
import { idParams } from '../http/params.ts';
import { noQuery } from '../http/query.ts';
import { connectWithCode, countMeIn, disconnect, myPaStatus, shareMyContact, stopCountingIn } from './links.ts';
import { answerAsYoungPerson, shareItem, unshareItem } from './shares.ts';

const device = { onRequest: requireDevice };

const notConnected = () => new ApiError(409, { error: 'not-connected', message: 'You are not connected to a PA. Ask your PA for a code and connect first.' });
const notShared = () => new ApiError(404, { error: 'not-found', message: 'This is not shared (any more).' });

export async function sharingRoutes(app: FastifyInstance): Promise<void> {
  const db = app.store.db;

  app.get('/my-pa', device, async (request): Promise<MyPaStatus> => {
    validate(noQuery, request.query);
    return myPaStatus(db, deviceOf(request).personId);
  });

  app.post('/my-pa/connect', device, async (request) => {
    const input = validate(connectSchema, request.body);
    const { personId } = deviceOf(request);
    const keys = [{ key: `pair:${personId}`, policy: PER_TARGET }, { key: `pair-ip:${request.ip}`, policy: PER_ADDRESS }];
    await countAttempt(db, keys);
    const paName = await connectWithCode(db, personId, input);
    if (paName === null) {
      throw new ApiError(400, { error: 'pairing-code-rejected', field: 'code', message: 'That code is wrong, already used or more than 3 days old. Ask your PA for a new one.' });
    }
    await clearAttempts(db, [`pair:${personId}`]);
    await refundAttempts(db, [`pair-ip:${request.ip}`]);
    return { connected: true, paName };
  });

  app.delete('/my-pa', device, async (request) => {
    await disconnect(db, deviceOf(request).personId);
    return { connected: false, monitoring: false };
  });

  app.post('/my-pa/shares', device, async (request, reply) => {
    const input = validate(shareSchema, request.body);
    const shared = await shareItem(db, deviceOf(request).personId, input);
    if (shared === 'not-connected') throw notConnected();
    if (shared === 'not-yours') throw new ApiError(403, { error: 'forbidden', field: 'id', message: 'This item belongs to someone else.' });
    return reply.status(201).send(shared);
  });

  // A phone number and how they like to be contacted, only if they choose; null stops sharing it.
  app.put('/my-pa/contact', device, async (request) => {
    const { contact } = validate(myContactSchema, request.body);
    if (!(await shareMyContact(db, deviceOf(request).personId, contact))) throw notConnected();
    return { contact };
  });

  // The young person's answer in an item's thread, once the PA has replied to it.
  app.post('/my-pa/shares/:id/messages', device, async (request, reply) => {
    const { id } = validate(idParams, request.params);
    const { text } = validate(messageSchema, request.body);
    const message = await answerAsYoungPerson(db, deviceOf(request).personId, id, text);
    if (message === 'not-shared') throw notShared();
    if (message === 'no-reply-yet') throw new ApiError(409, { error: 'no-reply-yet', message: 'You can answer once your PA has replied to this.' });
    return reply.status(201).send({ message });
  });

  app.delete('/my-pa/shares/:id', device, async (request) => {
    const { id } = validate(idParams, request.params);
    if (!(await unshareItem(db, deviceOf(request).personId, id))) throw notShared();
    return { id, shared: false };
  });

  app.put('/my-pa/monitoring', device, async (request) => {
    const { optIn } = validate(monitoringSchema, request.body);
    const { personId } = deviceOf(request);
    if (!optIn) {
      await stopCountingIn(db, personId);
      return { monitoring: false };
    }
    if (!(await countMeIn(db, personId))) throw notConnected();
    return { monitoring: true };
  });
}
