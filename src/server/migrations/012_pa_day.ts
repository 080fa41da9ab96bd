// A PA's day (issue 16): a short thread on each shared item, the PA's contact log ("Called", "No answer": kind and
// time only, never what was said), a label the PA gives a young person, pairing codes the PA can list and cancel,
// "stopped sharing on 3 Dec" instead of a card that vanishes when a young person disconnects, and cover: a manager
// lets another PA of the same council see a PA's caseload between two dates (UK days, both included).
// Everything about a person goes with them: person_id references people with ON DELETE CASCADE, and a message goes
// with the shared item it answers (share_id references shares), so unsharing or disconnecting drops the thread too.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('share_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('share_id', 'text', (c) => c.notNull().references('shares.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('pa_id', 'text', (c) => c.notNull())
    // 'pa' or 'young-person'
    .addColumn('author', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    // For the PA: when they saw a young person's answer (their own messages are seen when written).
    .addColumn('seen_at', 'text')
    .execute();
  await db.schema.createIndex('share_messages_pa_person').on('share_messages').columns(['pa_id', 'person_id']).execute();
  await db.schema.createIndex('share_messages_share').on('share_messages').column('share_id').execute();

  await db.schema
    .createTable('contact_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('pa_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('contact_log_pa_person').on('contact_log').columns(['pa_id', 'person_id']).execute();

  await db.schema
    .createTable('ended_links')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
    .addColumn('pa_id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('label', 'text')
    .addColumn('ended_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('ended_links_pa').on('ended_links').column('pa_id').execute();

  await db.schema
    .createTable('pa_cover')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pa_id', 'text', (c) => c.notNull().references('staff_users.id'))
    .addColumn('cover_pa_id', 'text', (c) => c.notNull().references('staff_users.id'))
    .addColumn('council', 'text', (c) => c.notNull())
    // YYYY-MM-DD, Europe/London days
    .addColumn('starts_on', 'text', (c) => c.notNull())
    .addColumn('ends_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pa_cover_cover_pa').on('pa_cover').column('cover_pa_id').execute();
  await db.schema.createIndex('pa_cover_pa').on('pa_cover').column('pa_id').execute();

  await db.schema.alterTable('pa_links').addColumn('label', 'text').execute();
  // What the young person chose to share: {"phone": "…", "prefer": "call"|"text"|"either"} as JSON, or null.
  await db.schema.alterTable('pa_links').addColumn('contact', 'text').execute();
  // Codes made before this have no id and cannot be listed (they still work until they expire).
  await db.schema.alterTable('pairing_codes').addColumn('id', 'text').execute();
  await db.schema.createIndex('pairing_codes_pa').on('pairing_codes').column('pa_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('pairing_codes_pa').execute();
  await db.schema.alterTable('pairing_codes').dropColumn('id').execute();
  await db.schema.alterTable('pa_links').dropColumn('contact').execute();
  await db.schema.alterTable('pa_links').dropColumn('label').execute();
  await db.schema.dropTable('pa_cover').execute();
  await db.schema.dropTable('ended_links').execute();
  await db.schema.dropTable('contact_log').execute();
  await db.schema.dropTable('share_messages').execute();
}
