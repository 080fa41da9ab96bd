// Applies one push in one transaction: skip what was already applied, refuse gaps, stamp versions, move lastSeq.
import { setTimeout as sleep } from 'node:timers/promises';
import { personalRecordSchemas, type PushRequest } from '../../shared/sync.ts';
import type { AuthenticatedDevice } from '../auth/device.ts';
import { ApiError } from '../http/errors.ts';
import type { Store } from '../store/database.ts';
import { reserveVersions } from '../store/versions.ts';

export type PushOptions = { testDelayBeforeCommitMs?: number };

/** Returns the device's lastSeq after the push. Throws ApiError 409 (gap), 403 (someone else's record) or 401 (revoked). */
export async function applyPush(store: Store, device: AuthenticatedDevice, push: PushRequest, options: PushOptions = {}): Promise<number> {
  return store.db.transaction().execute(async (trx) => {
    let query = trx.selectFrom('devices').select(['last_seq', 'revoked_at']).where('id', '=', device.id);
    // Two pushes from one device must not both read the same lastSeq (SQLite already has a single writer).
    if (store.dialect === 'postgres') query = query.forUpdate();
    const row = await query.executeTakeFirst();
    if (!row || row.revoked_at !== null) {
      throw new ApiError(401, { error: 'unauthorised', message: 'This device was removed. Set it up again to keep syncing.' });
    }
    const lastSeq = Number(row.last_seq);
    const fresh = push.mutations.filter((m) => m.seq > lastSeq);
    if (fresh.length === 0) return lastSeq;
    if (fresh[0].seq !== lastSeq + 1) {
      throw new ApiError(409, {
        error: 'seq-gap', lastSeq,
        message: `The server has mutations up to seq ${lastSeq}, but this push starts at ${fresh[0].seq}. Resend the outbox from seq ${lastSeq + 1}.`,
      });
    }

    // Reserving versions locks sync_meta, so from here on pushes are serialised and the ownership check can't race.
    const firstVersion = await reserveVersions(trx, fresh.length);

    const ids = [...new Set(fresh.map((m) => m.id))];
    const foreign = await trx
      .selectFrom('records').select('id')
      .where('id', 'in', ids).where('person_id', '!=', device.personId)
      .executeTakeFirst();
    if (foreign) {
      // A record id is a client-made UUID; one that belongs to someone else is never ours to touch.
      throw new ApiError(403, { error: 'forbidden', field: 'mutations', message: `Record ${foreign.id} belongs to someone else; nothing in this push was saved.` });
    }

    const now = new Date().toISOString();
    for (const [i, m] of fresh.entries()) {
      const deleted = m.op === 'delete';
      // Store the record as the schema reads it (defaults filled), so every device pulls the same shape.
      const data = deleted ? null : JSON.stringify(personalRecordSchemas[m.kind].parse(m.record));
      const values = { kind: m.kind, version: firstVersion + i, deleted: deleted ? 1 : 0, data, updated_at: now };
      await trx
        .insertInto('records')
        .values({ id: m.id, person_id: device.personId, ...values })
        .onConflict((oc) => oc.column('id').doUpdateSet(values).where('records.person_id', '=', device.personId))
        .execute();
    }
    const newLastSeq = fresh[fresh.length - 1].seq;
    await trx.updateTable('devices').set({ last_seq: newLastSeq, last_seen_at: now }).where('id', '=', device.id).execute();

    // Test-only hook (inert unless TEST_DELAY_IN_PUSH_MS is set): lets the crash test kill the server mid-transaction.
    if (options.testDelayBeforeCommitMs) {
      console.error(`test hook: holding push transaction open for ${options.testDelayBeforeCommitMs} ms`);
      await sleep(options.testDelayBeforeCommitMs);
    }
    return newLastSeq;
  });
}
