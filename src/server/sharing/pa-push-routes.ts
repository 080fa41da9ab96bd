// Told when someone asks: the PA page's opt-in to a content-free push (sharing/call-alerts.ts sends it, inside working
// hours only). A subscription is tied to the session that made it, so signing out ends it.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import { hashSecret } from '../auth/tokens.ts';
import { ApiError, validate } from '../http/errors.ts';
import { endpointSchema, subscriptionKeysSchema } from '../reminders/endpoints.ts';
import { removePaPushSubscription, savePaPushSubscription } from './pa-push-subscriptions.ts';
import { requireStaff, sessionTokenOf, staffOf } from './sessions.ts';

export async function paPushRoutes(app: FastifyInstance): Promise<void> {
  const settings = app.config.reminders;
  const db = app.store.db;
  const pa = { onRequest: requireStaff('pa') };
  const subscriptionSchema = z.strictObject({
    endpoint: endpointSchema(settings.allowLocalHttpEndpoints),
    keys: subscriptionKeysSchema,
    // The PA page's language: the notification's words are the page's own (pa.push in en.json or ar.json).
    language: z.enum(['en', 'ar']).default('en'),
  });
  const unsubscribeSchema = z.strictObject({ endpoint: z.string().min(1).max(2000) });

  app.put('/pa/push-subscription', pa, async (request) => {
    const body = validate(subscriptionSchema, request.body);
    const saved = await savePaPushSubscription(db, staffOf(request).id, hashSecret(sessionTokenOf(request)!), body);
    if (!saved) throw new ApiError(409, { error: 'subscription-taken', field: 'endpoint', message: 'This browser’s notifications belong to another PA who is signed in here.' });
    return { subscribed: true };
  });

  app.delete('/pa/push-subscription', pa, async (request) => {
    const body = validate(unsubscribeSchema, request.body);
    await removePaPushSubscription(db, staffOf(request).id, body.endpoint);
    return { subscribed: false };
  });
}
