// Keeps the PA's copies in step with the records a push saves, in the push's own transaction: sharing is a flag on
// the synced record (or, for a request, the record itself), so an edit updates the PA's copy, and an unshare or a
// delete removes it, exactly when the phone's change is saved. Nothing is copied when no PA is connected.
import { CompiledQuery, type Transaction } from 'kysely';

import { copyKindOf, isShareableKind, paCopyOf } from '../../shared/sharing/paCopy.ts';
import type { Mutation } from '../../shared/sync.ts';
import type { SqliteDirect } from '../store/database.ts';
import type { Database } from '../store/tables.ts';

type Statement = { sql: string; parameters: unknown[] };

const LINK_SQL = 'select "pa_id" from "pa_links" where "person_id" = ?';
// An edit replaces the copy; "seen" goes with the old version (the PA has not seen the new one), the reply stays.
const UPSERT_SQL = 'insert into "shares" ("id", "person_id", "pa_id", "kind", "data", "shared_at", "seen_at", "reply") values (?, ?, ?, ?, ?, ?, null, null)'
  + ' on conflict ("id") do update set "pa_id" = excluded."pa_id", "kind" = excluded."kind", "data" = excluded."data",'
  + ' "seen_at" = case when "shares"."data" = excluded."data" then "shares"."seen_at" else null end'
  + ' where "shares"."person_id" = ?';
const dropSql = (count: number) => `delete from "shares" where "person_id" = ? and "id" in (${Array(count).fill('?').join(', ')})`;

/** Whether any of these writes can touch a PA's copy (most pushes cannot, and then cost nothing more). */
const touchesPaCopies = (writes: readonly Mutation[]): boolean => writes.some((m) => isShareableKind(m.kind));

/**
 * The statements that bring the PA's copies in line with `writes` (each id's last mutation). With no PA connected
 * there is nothing to do: connecting and disconnecting both delete every copy the person had.
 */
function paCopyStatements(writes: readonly Mutation[], personId: string, paId: string | null, now: string): Statement[] {
  if (!paId) return [];
  const statements: Statement[] = [];
  const drop: string[] = [];
  for (const m of writes) {
    if (!isShareableKind(m.kind)) continue;
    const copy = m.op === 'put' ? paCopyOf(m.kind, m.record) : null;
    if (copy) statements.push({ sql: UPSERT_SQL, parameters: [m.id, personId, paId, copyKindOf(m.kind), JSON.stringify(copy), now, personId] });
    else drop.push(m.id);
  }
  // One statement for every unshared or deleted record in the push.
  if (drop.length > 0) statements.push({ sql: dropSql(drop.length), parameters: [personId, ...drop] });
  return statements;
}

/** SQLite: inside applyPushOnSqlite's synchronous transaction. */
export function keepPaCopiesOnSqlite(sqlite: SqliteDirect, writes: readonly Mutation[], personId: string, now: string): void {
  if (!touchesPaCopies(writes)) return;
  const link = sqlite.prepare(LINK_SQL).get(personId) as { pa_id: string } | undefined;
  for (const s of paCopyStatements(writes, personId, link?.pa_id ?? null, now)) sqlite.prepare(s.sql).run(...s.parameters);
}

const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/** PostgreSQL: inside applyPushWithKysely's transaction. */
export async function keepPaCopiesWithKysely(trx: Transaction<Database>, dialect: 'sqlite' | 'postgres', writes: readonly Mutation[], personId: string, now: string): Promise<void> {
  if (!touchesPaCopies(writes)) return;
  const text = (sql: string) => (dialect === 'postgres' ? numbered(sql) : sql);
  const link = (await trx.executeQuery<{ pa_id: string }>(CompiledQuery.raw(text(LINK_SQL), [personId]))).rows[0];
  for (const s of paCopyStatements(writes, personId, link?.pa_id ?? null, now)) await trx.executeQuery(CompiledQuery.raw(text(s.sql), s.parameters));
}
