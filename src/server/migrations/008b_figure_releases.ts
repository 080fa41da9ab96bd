// What each manager figure was last released from (see shared/sharing/monitoring.ts): a figure is shown anew only
// when its group has changed by enough people since every earlier release, so releases can't be differenced.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('figure_releases')
    .addColumn('council', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('releases', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('figure_releases_pk', ['council', 'key'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('figure_releases').execute();
}
