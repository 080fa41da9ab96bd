// Directory: which feed each service came from (so a re-import can replace that feed's services) and
// "Something wrong here?" reports from phones (a service id and a reason: nothing about the person).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('service_sources')
    .addColumn('service_id', 'text', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('service_sources_source').on('service_sources').column('source').execute();

  await db.schema
    .createTable('service_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('service_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('service_reports').execute();
  await db.schema.dropTable('service_sources').execute();
}
