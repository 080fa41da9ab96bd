// "Delete my data everywhere" (identity/delete-my-data.ts) removes every row of a person. Two things must outlive
// them, neither holding anything about who they were: the hashes of their devices' tokens (so a phone still
// holding one is told "device-signed-out" and wipes itself, instead of setting itself up as a new person) and a
// marker on their PA's caseload saying someone stopped using the app (no name, no person id).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('signed_out_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('signed_out_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('stopped_using')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pa_id', 'text', (c) => c.notNull().references('staff_users.id'))
    .addColumn('stopped_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('stopped_using_pa').on('stopped_using').column('pa_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('stopped_using').execute();
  await db.schema.dropTable('signed_out_tokens').execute();
}
