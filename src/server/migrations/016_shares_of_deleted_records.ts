// A PA's copy of a check-in is removed when the phone's delete is saved (sync/pa-copies.ts, in the push's own
// transaction). Before that was so, every read of shares dropped the copies of deleted records first; this clears,
// once, any such copy a database still holds, so the reads no longer need to.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('shares')
    .where('kind', 'in', ['checkin', 'ons4'])
    .where((eb) => eb.exists(eb.selectFrom('records').select(sql`1`.as('one'))
      .whereRef('records.id', '=', 'shares.id').whereRef('records.person_id', '=', 'shares.person_id').where('records.deleted', '=', 1)))
    .execute();
}

export async function down(): Promise<void> {
  // Nothing to put back: the copies were of records already deleted.
}
