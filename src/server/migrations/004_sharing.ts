// PA and manager accounts, their sessions, pairing codes, PA links, shared copies, monitoring consent,
// recovery codes, attempt limits and the audit log. Portable types only (SQLite and PostgreSQL).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('staff_users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('council', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('working_hours', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('staff_sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('staff_users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('pairing_codes')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('pa_id', 'text', (c) => c.notNull().references('staff_users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();

  await db.schema
    .createTable('pa_links')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id'))
    .addColumn('pa_id', 'text', (c) => c.notNull().references('staff_users.id'))
    .addColumn('council', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('linked_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pa_links_pa').on('pa_links').column('pa_id').execute();

  await db.schema
    .createTable('shares')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('pa_id', 'text', (c) => c.notNull().references('staff_users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('shared_at', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text')
    .addColumn('reply', 'text')
    .execute();
  await db.schema.createIndex('shares_pa_person').on('shares').columns(['pa_id', 'person_id']).execute();

  await db.schema
    .createTable('monitoring_consents')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id'))
    .addColumn('council', 'text', (c) => c.notNull())
    .addColumn('opted_in_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('recovery_codes')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('people.id'))
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('attempt_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failure_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('actor_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['audit_log', 'attempt_limits', 'recovery_codes', 'monitoring_consents', 'shares', 'pa_links', 'pairing_codes', 'staff_sessions', 'staff_users']) {
    await db.schema.dropTable(table).execute();
  }
}
