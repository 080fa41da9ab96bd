// A phone's push subscription for reminders: saved for the person whose phone made it, removed when they turn
// reminders off.
import { createHash } from 'node:crypto';

import type { NotificationWords } from '../../shared/appointments/schema.ts';
import type { Db } from '../store/tables.ts';

const idOf = (endpoint: string) => createHash('sha256').update(endpoint).digest('hex');

type Subscription = { endpoint: string; keys: { p256dh: string; auth: string }; language: string; words?: NotificationWords };

/** false when the endpoint belongs to another person whose phone is still signed in. */
export async function savePushSubscription(db: Db, device: { id: string; personId: string }, body: Subscription): Promise<boolean> {
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
  return !!saved;
}

export async function removePushSubscription(db: Db, personId: string, endpoint: string): Promise<void> {
  await db.deleteFrom('push_subscriptions').where('id', '=', idOf(endpoint)).where('person_id', '=', personId).execute();
}
