// Slows down, then locks, repeated wrong guesses (passwords, pairing codes, recovery codes).
// Counts live in the database so every server instance sees the same numbers.
import { ApiError } from '../http/errors.ts';
import type { SharingDb } from './tables.ts';

export type AttemptPolicy = { freeTries: number; lockAfter: number; lockMs: number; maxDelayMs: number };

/** Per account or per person: 3 free tries, then a doubling wait (1 s, 2 s, 4 s …), locked for 15 min after 10. */
export const PER_TARGET: AttemptPolicy = { freeTries: 3, lockAfter: 10, lockMs: 15 * 60_000, maxDelayMs: 60_000 };
/** Per network address: looser, because many people can share one address (a college, a hostel). */
export const PER_ADDRESS: AttemptPolicy = { freeTries: 15, lockAfter: 50, lockMs: 15 * 60_000, maxDelayMs: 60_000 };

export type AttemptVerdict = { allowed: true } | { allowed: false; locked: boolean; retryAfterMs: number };

/** Pure rule: after `failures` wrong tries, the last at `lastFailureMs`, may someone try again at `nowMs`? */
export function attemptVerdict(policy: AttemptPolicy, failures: number, lastFailureMs: number, nowMs: number): AttemptVerdict {
  const since = nowMs - lastFailureMs;
  if (failures >= policy.lockAfter) {
    return since >= policy.lockMs ? { allowed: true } : { allowed: false, locked: true, retryAfterMs: policy.lockMs - since };
  }
  if (failures < policy.freeTries) return { allowed: true };
  const wait = Math.min(policy.maxDelayMs, 1000 * 2 ** (failures - policy.freeTries));
  return since >= wait ? { allowed: true } : { allowed: false, locked: false, retryAfterMs: wait - since };
}

export type AttemptKey = { key: string; policy: AttemptPolicy };

/** Throws 429 (with retryAfterSeconds) when any key must wait; forgets counts older than the lock time. */
export async function checkAttempts(db: SharingDb, keys: AttemptKey[], now = Date.now()): Promise<void> {
  const rows = await db.selectFrom('attempt_limits').selectAll().where('key', 'in', keys.map((k) => k.key)).execute();
  for (const { key, policy } of keys) {
    const row = rows.find((r) => r.key === key);
    if (!row) continue;
    const last = Date.parse(row.last_failure_at);
    if (now - last >= policy.lockMs) continue;
    const verdict = attemptVerdict(policy, Number(row.failures), last, now);
    if (!verdict.allowed) {
      const retryAfterSeconds = Math.ceil(verdict.retryAfterMs / 1000);
      throw new ApiError(429, verdict.locked
        ? { error: 'locked', retryAfterSeconds, message: `Too many wrong tries. This is locked for ${Math.ceil(retryAfterSeconds / 60)} minutes.` }
        : { error: 'slow-down', retryAfterSeconds, message: `Please wait ${retryAfterSeconds} seconds before trying again.` });
    }
  }
}

export async function recordFailure(db: SharingDb, keys: AttemptKey[], now = Date.now()): Promise<void> {
  const at = new Date(now).toISOString();
  for (const { key, policy } of keys) {
    const row = await db.selectFrom('attempt_limits').selectAll().where('key', '=', key).executeTakeFirst();
    const stale = !row || now - Date.parse(row.last_failure_at) >= policy.lockMs;
    const failures = stale ? 1 : Number(row.failures) + 1;
    await db.insertInto('attempt_limits').values({ key, failures, last_failure_at: at })
      .onConflict((oc) => oc.column('key').doUpdateSet({ failures, last_failure_at: at })).execute();
  }
}

export async function clearAttempts(db: SharingDb, keys: string[]): Promise<void> {
  if (keys.length) await db.deleteFrom('attempt_limits').where('key', 'in', keys).execute();
}
