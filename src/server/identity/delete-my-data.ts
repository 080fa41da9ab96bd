// "Delete my data everywhere": the person's every row goes, in one transaction, and the PA's caseload says only that
// someone stopped using the app. What outlives them holds nothing about who they were (migration 011):
//   - signed_out_tokens: hashes of their devices' tokens, so another phone of theirs hears 401 device-signed-out and
//     wipes itself (sync/signedOut.ts) rather than being told "unknown" and setting itself up as a new person;
//   - stopped_using: one row per PA (no name, no person id). Deriving it was not possible: nothing of theirs is left
//     to derive from, and a PA whose caseload line silently vanished would wonder whether something broke.
import { randomUUID } from 'node:crypto';

import type { Kysely } from 'kysely';

import type { DeletedEverywhere } from '../../shared/deleteMyData.ts';
import type { Database, Db } from '../store/tables.ts';

/** Deletes every row of the person's, in one transaction, leaving only what the header above lists; what went, counted. */
export async function deleteMyDataEverywhere(db: Kysely<Database>, personId: string): Promise<DeletedEverywhere> {
  const now = new Date().toISOString();
  return db.transaction().execute(async (trx): Promise<DeletedEverywhere> => {
    const count = (result: { numDeletedRows: bigint }[]) => result.reduce((sum, r) => sum + Number(r.numDeletedRows), 0);
    const devices = await trx.selectFrom('devices').select('token_hash').where('person_id', '=', personId).execute();
    for (const { token_hash } of devices) {
      await trx.insertInto('signed_out_tokens').values({ token_hash, signed_out_at: now }).onConflict((c) => c.doNothing()).execute();
    }
    const link = await trx.selectFrom('pa_links').select('pa_id').where('person_id', '=', personId).executeTakeFirst();
    if (link) await trx.insertInto('stopped_using').values({ id: randomUUID(), pa_id: link.pa_id, stopped_at: now }).execute();

    // Children before parents (foreign keys to people and devices).
    const reminders = count(await trx.deleteFrom('due_reminders').where('person_id', '=', personId).execute())
      + count(await trx.deleteFrom('push_subscriptions').where('person_id', '=', personId).execute());
    await trx.deleteFrom('goal_suggestions').where('person_id', '=', personId).execute();
    const shares = count(await trx.deleteFrom('shares').where('person_id', '=', personId).execute());
    await trx.deleteFrom('pa_links').where('person_id', '=', personId).execute();
    const monitoring = count(await trx.deleteFrom('monitoring_consents').where('person_id', '=', personId).execute());
    const recoveryCode = count(await trx.deleteFrom('recovery_codes').where('person_id', '=', personId).execute());
    await trx.deleteFrom('link_codes').where('person_id', '=', personId).execute();
    // The PA's "opened this person" entries name them; they go too.
    await trx.deleteFrom('audit_log').where('person_id', '=', personId).execute();
    // Guess counters keyed to them (pair:<person id>).
    await trx.deleteFrom('attempt_counters').where('key', 'like', `%${personId}%`).execute();
    const records = count(await trx.deleteFrom('records').where('person_id', '=', personId).execute());
    await trx.deleteFrom('devices').where('person_id', '=', personId).execute();
    await trx.deleteFrom('people').where('id', '=', personId).execute();
    return { records, devices: devices.length, paConnection: link !== undefined, shares, recoveryCode: recoveryCode > 0, monitoring: monitoring > 0, reminders };
  });
}

/** The PA's caseload: when someone connected to them stopped using the app (and nothing else about them). */
export async function stoppedUsing(db: Db, paId: string): Promise<{ stoppedAt: string }[]> {
  const rows = await db.selectFrom('stopped_using').select('stopped_at').where('pa_id', '=', paId).orderBy('stopped_at', 'desc').execute();
  return rows.map((r) => ({ stoppedAt: r.stopped_at }));
}
