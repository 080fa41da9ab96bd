// A step a PA suggests on a goal the young person shared from their plan. It waits here until they add it (as it is
// or changed) or let it go; it is shown only while the goal is still shared with that PA, and deleted with the person.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('goal_suggestions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('pa_id', 'text', (c) => c.notNull().references('staff_users.id'))
    .addColumn('goal_id', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('due', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('goal_suggestions_person').on('goal_suggestions').column('person_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('goal_suggestions').execute();
}
