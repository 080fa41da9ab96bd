// Runs the migrations listed in ../migrations/index.ts, in order, on either dialect.
import { Migrator, sql } from 'kysely';

import { migrations } from '../migrations/index.ts';
import type { Store } from './database.ts';

export async function migrateToLatest(store: Store): Promise<void> {
  let migrationTableSchema: string | undefined;
  if (store.dialect === 'postgres') {
    // Kysely looks for its bookkeeping tables in every schema unless told which; pin it to ours.
    const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(store.db);
    migrationTableSchema = rows[0]?.schema;
  }
  const migrator = new Migrator({
    db: store.db,
    provider: { getMigrations: async () => migrations },
    migrationTableSchema,
    // Features are built on parallel branches, each adding its own numbered migration; one that lands after a higher
    // number has already run on a database must still run there. Our migrations only add, so their order is free.
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Database migration "${failed}" failed: ${error instanceof Error ? error.message : JSON.stringify(error)}`);
  }
}
