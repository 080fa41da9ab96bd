// Reminders for synced appointments: push subscriptions per device, the due reminders, and how far the
// scheduler has read the records feed. Portable types only (SQLite and PostgreSQL).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('push_subscriptions')
    // SHA-256 of the endpoint: one row per browser subscription, whichever device re-registers it.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('device_id', 'text', (c) => c.notNull().references('devices.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('endpoint', 'text', (c) => c.notNull())
    .addColumn('p256dh', 'text', (c) => c.notNull())
    .addColumn('auth', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    /** JSON: the notification's words in the person's language. */
    .addColumn('words', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('push_subscriptions_person').on('push_subscriptions').column('person_id').execute();

  await db.schema
    .createTable('due_reminders')
    // "<appointment id>|<minutes before>|<start instant>": the unique key that makes each reminder send once.
    // Moving the appointment gives a new key (a new reminder); editing the notes does not.
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('appointment_id', 'text', (c) => c.notNull())
    .addColumn('minutes_before', 'integer', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text', (c) => c.notNull())
    /** pending → sending → sent; or missed (the appointment began first), or gone (no subscription). */
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'text')
    .addColumn('sent_at', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('due_reminders_state_due').on('due_reminders').columns(['state', 'due_at']).execute();
  await db.schema.createIndex('due_reminders_appointment').on('due_reminders').column('appointment_id').execute();

  await db.schema
    .createTable('reminder_feed')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();
  await db.insertInto('reminder_feed').values({ id: 1, version: 0 }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['reminder_feed', 'due_reminders', 'push_subscriptions']) await db.schema.dropTable(table).execute();
}
