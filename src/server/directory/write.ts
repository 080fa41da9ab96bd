// Writes directory services in one transaction, bumping the global version only for services that really
// changed, so a phone's next pull carries just those (an unchanged re-import costs phones nothing).
import type { Transaction } from 'kysely';

import type { DirectoryService } from '../../shared/directory/types.ts';
import type { Store } from '../store/database.ts';
import type { Database } from '../store/tables.ts';
import { reserveVersions } from '../store/versions.ts';

export type WriteSummary = { added: number; changed: number; unchanged: number; removed: number };

/**
 * Puts `services` under `source`. With `replace`, services earlier imported from the same source and missing
 * now become tombstones. Either everything is written or nothing is.
 */
export async function writeServices(store: Store, source: string, services: DirectoryService[], replace = false): Promise<WriteSummary> {
  return store.db.transaction().execute(async (trx) => {
    const existing = new Map<string, string | null>();
    const ids = services.map((s) => s.id);
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await trx.selectFrom('services').select(['id', 'data', 'deleted']).where('id', 'in', ids.slice(i, i + 500)).execute();
      for (const row of rows) existing.set(row.id, Number(row.deleted) === 1 ? null : row.data);
    }
    const writes = services.map((s) => ({ id: s.id, data: JSON.stringify(s) })).filter((w) => existing.get(w.id) !== w.data);
    const present = new Set(ids);
    const removals = replace
      ? (await trx.selectFrom('service_sources').innerJoin('services', 'services.id', 'service_sources.service_id')
          .select('service_sources.service_id as id').where('service_sources.source', '=', source).where('services.deleted', '=', 0).execute())
          .map((r) => r.id).filter((id) => !present.has(id))
      : [];

    const total = writes.length + removals.length;
    if (total > 0) {
      let version = await reserveVersions(trx, total);
      for (const w of writes) {
        const values = { version: version++, deleted: 0, data: w.data };
        if (existing.has(w.id)) await trx.updateTable('services').set(values).where('id', '=', w.id).execute();
        else await trx.insertInto('services').values({ id: w.id, ...values }).execute();
        await upsertSource(trx, w.id, source);
      }
      for (const id of removals) {
        await trx.updateTable('services').set({ version: version++, deleted: 1, data: null }).where('id', '=', id).execute();
      }
    }
    const added = writes.filter((w) => !existing.has(w.id)).length;
    return { added, changed: writes.length - added, unchanged: services.length - writes.length, removed: removals.length };
  });
}

async function upsertSource(trx: Transaction<Database>, serviceId: string, source: string): Promise<void> {
  await trx.insertInto('service_sources').values({ service_id: serviceId, source })
    .onConflict((oc) => oc.column('service_id').doUpdateSet({ source }))
    .execute();
}
