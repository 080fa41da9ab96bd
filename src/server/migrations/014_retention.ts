// The retention rule (retention/retention.ts) deletes a tombstone only once every phone of its person still signed in
// has pulled past it, so no phone keeps a record deleted elsewhere. Pulls record how far each phone has read here.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('devices').addColumn('pulled_version', 'bigint', (c) => c.notNull().defaultTo(0)).execute();
  await db.schema.createIndex('records_tombstones').on('records').columns(['deleted', 'updated_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('records_tombstones').execute();
  await db.schema.alterTable('devices').dropColumn('pulled_version').execute();
}
