// Cover while a PA is on leave: which PAs a manager may choose, assigning and ending cover, and who covers whom on a
// day. Days are UK days, both ends included.
import { randomUUID } from 'node:crypto';

import { type Cover, ukDay } from '../../shared/sharing/schemas.ts';
import type { Db } from '../store/tables.ts';

export async function coversOf(db: Db, where: { council: string } | { coverPaId: string; on: string }): Promise<Cover[]> {
  let query = db.selectFrom('pa_cover')
    .innerJoin('staff_users as absent', 'absent.id', 'pa_cover.pa_id')
    .innerJoin('staff_users as cover', 'cover.id', 'pa_cover.cover_pa_id')
    .select(['pa_cover.id', 'pa_cover.pa_id', 'absent.name as pa_name', 'pa_cover.cover_pa_id', 'cover.name as cover_name', 'pa_cover.starts_on', 'pa_cover.ends_on']);
  query = 'council' in where
    ? query.where('pa_cover.council', '=', where.council)
    : query.where('pa_cover.cover_pa_id', '=', where.coverPaId).where('pa_cover.starts_on', '<=', where.on).where('pa_cover.ends_on', '>=', where.on);
  const rows = await query.orderBy('pa_cover.starts_on').execute();
  return rows.map((r) => ({ id: r.id, paId: r.pa_id, paName: r.pa_name, coverPaId: r.cover_pa_id, coverPaName: r.cover_name, from: r.starts_on, to: r.ends_on }));
}

/** Who covers `paId` today, if anyone (for the young person's My PA screen). */
export async function coverToday(db: Db, paId: string): Promise<{ name: string; until: string } | null> {
  const today = ukDay();
  const row = await db.selectFrom('pa_cover').innerJoin('staff_users', 'staff_users.id', 'pa_cover.cover_pa_id').select(['staff_users.name', 'pa_cover.ends_on'])
    .where('pa_cover.pa_id', '=', paId).where('pa_cover.starts_on', '<=', today).where('pa_cover.ends_on', '>=', today).orderBy('pa_cover.ends_on', 'desc').executeTakeFirst();
  return row ? { name: row.name, until: row.ends_on } : null;
}

/** The PAs a manager may choose from: their own council's. */
export async function pasOfCouncil(db: Db, council: string): Promise<{ id: string; name: string }[]> {
  return db.selectFrom('staff_users').select(['id', 'name']).where('role', '=', 'pa').where('council', '=', council).orderBy('name').execute();
}

export async function isPaOfCouncil(db: Db, staffId: string, council: string): Promise<boolean> {
  return !!(await db.selectFrom('staff_users').select('id').where('id', '=', staffId).where('role', '=', 'pa').where('council', '=', council).executeTakeFirst());
}

/** Records cover of one PA by another for a range of days; returns its id. */
export async function assignCover(db: Db, manager: { id: string; council: string }, input: { paId: string; coverPaId: string; from: string; to: string }): Promise<string> {
  const id = randomUUID();
  await db.insertInto('pa_cover').values({
    id, pa_id: input.paId, cover_pa_id: input.coverPaId, council: manager.council, starts_on: input.from, ends_on: input.to, created_by: manager.id, created_at: new Date().toISOString(),
  }).execute();
  return id;
}

/** Ends (deletes) a cover of the manager's council; false when there is none such. */
export async function endCover(db: Db, id: string, council: string): Promise<boolean> {
  return !!(await db.deleteFrom('pa_cover').where('id', '=', id).where('council', '=', council).returning('id').executeTakeFirst());
}
