// Guess counters counted and checked in one statement (see auth/attempts.ts). Times are whole milliseconds so the
// statement can do its own arithmetic the same way on SQLite and PostgreSQL; the ticket says whose try was let in.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('attempt_counters')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('tries', 'integer', (c) => c.notNull())
    .addColumn('last_try_ms', 'bigint', (c) => c.notNull())
    .addColumn('ticket', 'text', (c) => c.notNull())
    .execute();
  // The old check-then-bump counters (migration 004) are replaced; their counts only ever lasted 15 minutes.
  await db.schema.dropTable('attempt_limits').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('attempt_counters').execute();
  await db.schema
    .createTable('attempt_limits')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failure_at', 'text', (c) => c.notNull())
    .execute();
}
