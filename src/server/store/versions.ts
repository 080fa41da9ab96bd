// The one global version counter that orders the pull feed. Call only inside a write transaction.
import { sql, type Transaction } from 'kysely';

import type { Database } from './tables.ts';

/**
 * Reserves `count` consecutive versions and returns the first. The UPDATE locks the single sync_meta row,
 * so on PostgreSQL writers commit in version order and a pull can never skip a row that commits late.
 * Every changed row (records or services) must get its own version so pull pages never split a version.
 */
export async function reserveVersions(trx: Transaction<Database>, count: number): Promise<number> {
  if (count < 1) throw new Error('reserveVersions needs a count of at least 1');
  const row = await trx
    .updateTable('sync_meta')
    .set({ version: sql`version + ${count}` })
    .where('id', '=', 1)
    .returning('version')
    .executeTakeFirstOrThrow();
  return firstReserved(row, count);
}

/** reserveVersions as one SQLite statement, for SqliteDirect (parameter: the count); pass its row to firstReserved. */
export const RESERVE_VERSIONS_SQLITE = 'update "sync_meta" set "version" = "version" + ? where "id" = 1 returning "version"';

/** The first of `count` (at least 1) versions just reserved, from the counter's new value. */
export function firstReserved(row: { version: number } | undefined, count: number): number {
  if (!row) throw new Error('sync_meta has no row: the migrations did not run');
  return Number(row.version) - count + 1;
}
