// Told when someone asks: the PA page's opt-in to a content-free push (sharing/call-alerts.ts sends it, inside working
// hours only). A subscription is tied to the session that made it, so signing out ends it.
import { createHash } from 'node:crypto';

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import { hashSecret } from '../auth/tokens.ts';
import { ApiError, validate } from '../http/errors.ts';
import { endpointSchema, subscriptionKeysSchema } from '../reminders/endpoints.ts';
import { requireStaff, sessionTokenOf, staffOf } from './sessions.ts';

const idOf = (endpoint: string) => createHash('sha256').update(endpoint).digest('hex');

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
    const staff = staffOf(request);
    const sessionHash = hashSecret(sessionTokenOf(request)!);
    const values = { pa_id: staff.id, session_hash: sessionHash, endpoint: body.endpoint, p256dh: body.keys.p256dh, auth: body.keys.auth, language: body.language };
    // The same browser after signing in again moves its subscription to the new session. Someone else's live
    // subscription is never taken over (anyone who saw an endpoint could otherwise silence a colleague's alerts).
    const saved = await db.insertInto('pa_push_subscriptions')
      .values({ id: idOf(body.endpoint), ...values, created_at: new Date().toISOString() })
      .onConflict((oc) => oc.column('id').doUpdateSet(values).where((eb) => eb.or([
        eb('pa_push_subscriptions.pa_id', '=', staff.id),
        eb.not(eb.exists(eb.selectFrom('staff_sessions').select('staff_sessions.token_hash')
          .whereRef('staff_sessions.token_hash', '=', 'pa_push_subscriptions.session_hash').where('staff_sessions.expires_at', '>', new Date().toISOString()))),
      ])))
      .returning('id')
      .executeTakeFirst();
    if (!saved) throw new ApiError(409, { error: 'subscription-taken', field: 'endpoint', message: 'This browser’s notifications belong to another PA who is signed in here.' });
    return { subscribed: true };
  });

  app.delete('/pa/push-subscription', pa, async (request) => {
    const body = validate(unsubscribeSchema, request.body);
    await db.deleteFrom('pa_push_subscriptions').where('id', '=', idOf(body.endpoint)).where('pa_id', '=', staffOf(request).id).execute();
    return { subscribed: false };
  });
}

