// The young person's language on their PA link, only when they agreed at connect ("so your PA can arrange an
// interpreter"); null otherwise. A new link (a new PA) asks again.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('pa_links').addColumn('language', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('pa_links').dropColumn('language').execute();
}
