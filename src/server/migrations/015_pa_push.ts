// Told when someone asks (issue 16): a PA's browser can opt in to a content-free Web Push ("Someone on your caseload
// asked you to call"), sent only inside their working hours. A subscription belongs to the PA session that made it:
// signing out, a password change that ends other sessions, or the session's removal deletes it (ON DELETE CASCADE), so
// a shared office computer stops getting pushes the moment its PA signs out.
// pa_push_notices remembers which requests were already considered (one row per shared request, so two servers never
// push the same request twice) and which made a push, so a burst of taps from one young person makes one push.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('pa_push_subscriptions')
    // sha256 of the endpoint: one row per browser subscription
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pa_id', 'text', (c) => c.notNull().references('staff_users.id').onDelete('cascade'))
    .addColumn('session_hash', 'text', (c) => c.notNull().references('staff_sessions.token_hash').onDelete('cascade'))
    .addColumn('endpoint', 'text', (c) => c.notNull())
    .addColumn('p256dh', 'text', (c) => c.notNull())
    .addColumn('auth', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pa_push_subscriptions_pa').on('pa_push_subscriptions').column('pa_id').execute();
  await db.schema.createIndex('pa_push_subscriptions_session').on('pa_push_subscriptions').column('session_hash').execute();

  await db.schema
    .createTable('pa_push_notices')
    .addColumn('share_id', 'text', (c) => c.primaryKey().references('shares.id').onDelete('cascade'))
    .addColumn('pa_id', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    // 1 when this request made a push reach at least one browser
    .addColumn('pushed', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('pa_push_notices_burst').on('pa_push_notices').columns(['pa_id', 'person_id', 'at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('pa_push_notices').execute();
  await db.schema.dropTable('pa_push_subscriptions').execute();
}
