// Writes a push's rows with one INSERT … ON CONFLICT statement whose SQL text is built once per row count.
import { CompiledQuery, type Transaction } from 'kysely';

import type { Dialect } from '../store/database.ts';
import type { Database, RecordsTable } from '../store/tables.ts';

const COLUMNS = ['id', 'person_id', 'kind', 'version', 'deleted', 'data', 'updated_at'] as const satisfies readonly (keyof RecordsTable)[];
const sqlTexts = new Map<string, string>();

/**
 * The upsert for `rows` rows, the owner as the last parameter. Built by hand, not by Kysely's query builder: building
 * 350 value nodes per push cost more than writing the rows, and a fixed text lets SQLite reuse its compiled statement.
 */
export function upsertSql(dialect: Dialect, rows: number): string {
  const key = `${dialect}:${rows}`;
  let text = sqlTexts.get(key);
  if (text) return text;
  let n = 0;
  const placeholder = () => (dialect === 'postgres' ? `$${++n}` : '?');
  const tuples = Array.from({ length: rows }, () => `(${COLUMNS.map(placeholder).join(', ')})`);
  const updates = COLUMNS.filter((c) => c !== 'id' && c !== 'person_id').map((c) => `"${c}" = excluded."${c}"`);
  text = `insert into "records" (${COLUMNS.map((c) => `"${c}"`).join(', ')}) values ${tuples.join(', ')}`
    + ` on conflict ("id") do update set ${updates.join(', ')} where "records"."person_id" = ${placeholder()}`;
  sqlTexts.set(key, text);
  return text;
}

/**
 * Inserts or replaces `rows` (ids unique, all owned by `personId`). A row with an id of anyone else's is left untouched
 * and not counted, so the answer is how many rows were written: fewer than `rows.length` means someone else's id.
 */
export async function upsertRecords(trx: Transaction<Database>, dialect: Dialect, personId: string, rows: RecordsTable[]): Promise<number> {
  const result = await trx.executeQuery(CompiledQuery.raw(upsertSql(dialect, rows.length), upsertParameters(rows, personId)));
  if (result.numAffectedRows === undefined) throw new Error('The database did not say how many records it wrote');
  return Number(result.numAffectedRows);
}

/** upsertSql's parameters for `rows`, in its order: each row's columns, then the owner. */
export function upsertParameters(rows: RecordsTable[], personId: string): unknown[] {
  const parameters: unknown[] = [];
  for (const row of rows) for (const column of COLUMNS) parameters.push(row[column]);
  parameters.push(personId);
  return parameters;
}
