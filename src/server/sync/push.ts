// Applies one push in one transaction: skip what was already applied, refuse gaps, stamp versions, move lastSeq.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Mutation, PushRequest } from '../../shared/sync.ts';
import type { AuthenticatedDevice } from '../auth/device.ts';
import { ApiError } from '../http/errors.ts';
import type { Store } from '../store/database.ts';
import { reserveVersions } from '../store/versions.ts';
import { upsertRecords } from './upsert-records.ts';

export type PushOptions = { testDelayBeforeCommitMs?: number };

/** Only the last mutation of each id counts (last writer wins), so each row is written once, in first-to-last order. */
export function lastMutationPerId(mutations: readonly Mutation[]): Mutation[] {
  const last = new Map<string, Mutation>();
  for (const m of mutations) {
    last.delete(m.id); // re-insert, so the map's order is the order of each id's last mutation
    last.set(m.id, m);
  }
  return [...last.values()];
}

/** `push` is pushRequestSchema's output (validated). Returns the device's lastSeq after the push. Throws ApiError 409 (gap), 403 (someone else's record) or 401 (revoked). */
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
    const writes = lastMutationPerId(fresh);

    // Reserving versions locks sync_meta, so from here on pushes are serialised.
    const firstVersion = await reserveVersions(trx, writes.length);
    const now = new Date().toISOString();
    // One statement for the whole push: per-row statements cost far more than the rows themselves.
    const written = await upsertRecords(trx, store.dialect, device.personId, writes.map((m, i) => {
      const deleted = m.op === 'delete';
      return {
        id: m.id, person_id: device.personId, kind: m.kind, version: firstVersion + i, deleted: deleted ? 1 : 0,
        // pushRequestSchema already gave the record as its schema reads it (defaults filled): every device pulls one shape.
        data: deleted ? null : JSON.stringify(m.record),
        updated_at: now,
      };
    }));
    if (written !== writes.length) {
      // The upsert skipped a row that is someone else's (a record id is a client-made UUID, never ours to touch).
      // Throwing rolls the whole transaction back, so nothing in this push is saved.
      const foreign = await trx
        .selectFrom('records').select('id')
        .where('id', 'in', writes.map((m) => m.id)).where('person_id', '!=', device.personId)
        .executeTakeFirst();
      throw new ApiError(403, {
        error: 'forbidden', field: 'mutations',
        message: `Record ${foreign?.id ?? 'in this push'} belongs to someone else; nothing in this push was saved.`,
      });
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
