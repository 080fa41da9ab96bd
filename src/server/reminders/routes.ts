// Web Push for reminders: the VAPID public key, and saving or removing this device's push subscription.
// Also starts the reminder scheduler with the server and stops it on close.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import { notificationWordsSchema } from '../../shared/appointments/schema.ts';
import { deviceOf, requireDevice } from '../auth/device.ts';
import { ApiError, validate } from '../http/errors.ts';
import { endpointSchema, subscriptionKeysSchema } from './endpoints.ts';
import { removePushSubscription, savePushSubscription } from './subscriptions.ts';
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

  app.get('/push/key', async () => ({ publicKey: vapid.publicKey }));

  app.post('/push/subscriptions', { onRequest: requireDevice }, async (request, reply) => {
    const body = validate(subscriptionSchema, request.body);
    if (!(await savePushSubscription(db, deviceOf(request), body))) {
      throw new ApiError(409, { error: 'subscription-taken', field: 'endpoint', message: 'This push subscription belongs to another phone.' });
    }
    return reply.status(201).send({ subscribed: true });
  });

  app.delete('/push/subscriptions', { onRequest: requireDevice }, async (request) => {
    const body = validate(unsubscribeSchema, request.body);
    await removePushSubscription(db, deviceOf(request).personId, body.endpoint);
    return { subscribed: false };
  });
}
