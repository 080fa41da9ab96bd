// The directory as the public API reads it (a page of services, one service by our id or its exported one), and
// anonymous "Something wrong here?" reports.
import { randomUUID } from 'node:crypto';

import type { ReportReason } from '../../shared/directory/report.ts';
import type { DirectoryService } from '../../shared/directory/types.ts';
import type { Db } from '../store/tables.ts';
import { uuidV5 } from './oruk-export.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** One page of live services in id order, and how many there are in all. */
export async function servicesPage(db: Db, page: number, perPage: number): Promise<{ services: DirectoryService[]; total: number }> {
  const [{ total }] = await db.selectFrom('services').select((eb) => eb.fn.countAll<number>().as('total')).where('deleted', '=', 0).execute();
  const rows = await db.selectFrom('services').select('data').where('deleted', '=', 0).orderBy('id')
    .limit(perPage).offset((page - 1) * perPage).execute();
  return { services: rows.map((r) => JSON.parse(r.data!) as DirectoryService), total: Number(total) };
}

/** A live service by our id or by the UUID the ORUK export gives it; null when there is none. */
export async function findService(db: Db, id: string): Promise<DirectoryService | null> {
  let row = await db.selectFrom('services').select('data').where('id', '=', id).where('deleted', '=', 0).executeTakeFirst();
  if (!row && UUID.test(id)) {
    // The exported id is a UUID v5 of ours: find whose (ids only, so this stays quick on 10,000 services).
    const ids = await db.selectFrom('services').select('id').where('deleted', '=', 0).execute();
    const ours = ids.find((r) => uuidV5(r.id) === id.toLowerCase());
    if (ours) row = await db.selectFrom('services').select('data').where('id', '=', ours.id).executeTakeFirst();
  }
  return row?.data ? (JSON.parse(row.data) as DirectoryService) : null;
}

/** Anonymous on purpose: the report says only which service and what kind of problem. false when no such live service. */
export async function reportProblem(db: Db, serviceId: string, reason: ReportReason): Promise<boolean> {
  const exists = await db.selectFrom('services').select('id').where('id', '=', serviceId).where('deleted', '=', 0).executeTakeFirst();
  if (!exists) return false;
  await db.insertInto('service_reports').values({ id: randomUUID(), service_id: serviceId, reason, created_at: new Date().toISOString() }).execute();
  return true;
}
