// Web Push for reminders: the VAPID public key, and saving or removing this device's push subscription.
// Also starts the reminder scheduler with the server and stops it on close.
import { createHash } from 'node:crypto';

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import { notificationWordsSchema } from '../../shared/appointments/schema.ts';
import { deviceOf, requireDevice } from '../auth/device.ts';
import { ApiError, validate } from '../http/errors.ts';
import { endpointSchema, subscriptionKeysSchema } from './endpoints.ts';
import { loadVapidKeys } from './vapid.ts';

export async function pushRoutes(app: FastifyInstance): Promise<void> {
  const settings = app.config.reminders;
  const vapid = loadVapidKeys(app.config.dataDir, app.config.vapid);
  const db = app.store.db;

  const subscriptionSchema = z.strictObject({
    endpoint: endpointSchema(settings.allowLocalHttpEndpoints),
    keys: subscriptionKeysSchema,
    language: z.string().regex(/^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$/, 'Must be a language code such as en or ar').max(35).default('en'),
    words: notificationWordsSchema.optional(),
  });
  const unsubscribeSchema = z.strictObject({ endpoint: z.string().min(1).max(2000) });
  const idOf = (endpoint: string) => createHash('sha256').update(endpoint).digest('hex');

  app.get('/push/key', async () => ({ publicKey: vapid.publicKey }));

  app.post('/push/subscriptions', { onRequest: requireDevice }, async (request, reply) => {
    const body = validate(subscriptionSchema, request.body);
    const device = deviceOf(request);
    const values = {
      device_id: device.id, person_id: device.personId, endpoint: body.endpoint, p256dh: body.keys.p256dh, auth: body.keys.auth,
      language: body.language, words: JSON.stringify(body.words ?? {}),
    };
    // An endpoint belongs to one person. Another phone may take it over only when the old owner is provably gone
    // (their device signed out or removed); otherwise anyone who saw an endpoint could silence someone's reminders.
    const saved = await db.insertInto('push_subscriptions')
      .values({ id: idOf(body.endpoint), ...values, created_at: new Date().toISOString() })
      .onConflict((oc) => oc.column('id').doUpdateSet(values).where((eb) => eb.or([
        eb('push_subscriptions.person_id', '=', device.personId),
        eb.not(eb.exists(eb.selectFrom('devices').select('devices.id')
          .whereRef('devices.id', '=', 'push_subscriptions.device_id').where('devices.revoked_at', 'is', null))),
      ])))
      .returning('id')
      .executeTakeFirst();
    if (!saved) throw new ApiError(409, { error: 'subscription-taken', field: 'endpoint', message: 'This push subscription belongs to another phone.' });
    return reply.status(201).send({ subscribed: true });
  });

  app.delete('/push/subscriptions', { onRequest: requireDevice }, async (request) => {
    const body = validate(unsubscribeSchema, request.body);
    const device = deviceOf(request);
    await db.deleteFrom('push_subscriptions').where('id', '=', idOf(body.endpoint)).where('person_id', '=', device.personId).execute();
    return { subscribed: false };
  });
}
