// Reads one page of the change feed for a person: their records plus the public directory, in version order.
import type { Change, PullResponse } from '../../shared/sync.ts';
import type { AuthenticatedDevice } from '../auth/device.ts';
import { ApiError } from '../http/errors.ts';
import type { Store } from '../store/database.ts';

type Row = { id: string; version: number; deleted: number; data: string | null };

const toChange = (kind: Change['kind'], row: Row): Change => ({
  kind,
  id: row.id,
  version: Number(row.version),
  deleted: row.deleted === 1,
  record: row.deleted === 1 || row.data === null ? null : (JSON.parse(row.data) as Record<string, unknown>),
});

export async function readPull(store: Store, device: AuthenticatedDevice, cursor: number, limit: number): Promise<PullResponse> {
  // One snapshot for all three reads, so a push committing meanwhile is seen whole or not at all.
  const builder = store.dialect === 'postgres' ? store.db.transaction().setIsolationLevel('repeatable read') : store.db.transaction();
  const page = await builder.execute(async (trx) => {
    const meta = await trx.selectFrom('sync_meta').select('version').where('id', '=', 1).executeTakeFirstOrThrow();
    if (cursor > Number(meta.version)) {
      // Only after a restore from backup: this phone has seen versions the server no longer has. Start over.
      throw new ApiError(410, { error: 'reset', message: 'The server was restored from a backup. Pull again from cursor 0 and resend unsent changes.' });
    }
    const records = await trx
      .selectFrom('records').select(['id', 'kind', 'version', 'deleted', 'data'])
      .where('person_id', '=', device.personId).where('version', '>', cursor)
      .orderBy('version').limit(limit + 1)
      .execute();
    const services = await trx
      .selectFrom('services').select(['id', 'version', 'deleted', 'data'])
      .where('version', '>', cursor)
      .orderBy('version').limit(limit + 1)
      .execute();
    const device_ = await trx.selectFrom('devices').select(['last_seq', 'pulled_version']).where('id', '=', device.id).executeTakeFirstOrThrow();

    // Every changed row has its own version (see reserveVersions), so the last version on a page is an exact cursor.
    const merged = [
      ...records.map((r) => toChange(r.kind as Change['kind'], r)),
      ...services.map((r) => toChange('service', r)),
    ].sort((a, b) => a.version - b.version);
    const changes = merged.slice(0, limit);
    return {
      changes,
      cursor: changes.length > 0 ? changes[changes.length - 1].version : cursor,
      hasMore: merged.length > limit,
      lastSeq: Number(device_.last_seq),
      pulledBefore: Number(device_.pulled_version),
    };
  });
  const { pulledBefore, ...response } = page;
  // A cursor says the phone holds every change up to it. Written only when it moved on, so repeat pulls stay write-free.
  if (cursor > pulledBefore) {
    await store.db.updateTable('devices').set({ pulled_version: cursor }).where('id', '=', device.id).where('pulled_version', '<', cursor).execute();
  }
  return response;
}
