// A PA browser's push subscription for call alerts, tied to the session that made it (signing out ends it).
import { createHash } from 'node:crypto';

import type { Db } from '../store/tables.ts';

const idOf = (endpoint: string) => createHash('sha256').update(endpoint).digest('hex');

type Subscription = { endpoint: string; keys: { p256dh: string; auth: string }; language: string };

/** false when the endpoint is another PA's live subscription. */
export async function savePaPushSubscription(db: Db, paId: string, sessionHash: string, body: Subscription): Promise<boolean> {
  const values = { pa_id: paId, session_hash: sessionHash, endpoint: body.endpoint, p256dh: body.keys.p256dh, auth: body.keys.auth, language: body.language };
  // The same browser after signing in again moves its subscription to the new session. Someone else's live
  // subscription is never taken over (anyone who saw an endpoint could otherwise silence a colleague's alerts).
  const saved = await db.insertInto('pa_push_subscriptions')
    .values({ id: idOf(body.endpoint), ...values, created_at: new Date().toISOString() })
    .onConflict((oc) => oc.column('id').doUpdateSet(values).where((eb) => eb.or([
      eb('pa_push_subscriptions.pa_id', '=', paId),
      eb.not(eb.exists(eb.selectFrom('staff_sessions').select('staff_sessions.token_hash')
        .whereRef('staff_sessions.token_hash', '=', 'pa_push_subscriptions.session_hash').where('staff_sessions.expires_at', '>', new Date().toISOString()))),
    ])))
    .returning('id')
    .executeTakeFirst();
  return !!saved;
}

export async function removePaPushSubscription(db: Db, paId: string, endpoint: string): Promise<void> {
  await db.deleteFrom('pa_push_subscriptions').where('id', '=', idOf(endpoint)).where('pa_id', '=', paId).execute();
}
