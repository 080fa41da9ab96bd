// Slows down, then locks, repeated guesses (passwords, pairing codes, recovery codes).
// Counts live in the database so every server instance sees the same numbers. Each try is counted and checked in
// ONE statement (an upsert that adds the try only if the rule allows it), so 100 guesses sent at once are each
// counted and no more get through than if they had been sent one after another.
import { randomUUID } from 'node:crypto';

import { type Kysely, type RawBuilder, sql } from 'kysely';

import { ApiError } from '../http/errors.ts';
import type { Database, Db } from '../store/tables.ts';

export type AttemptPolicy = { freeTries: number; lockAfter: number; lockMs: number; maxDelayMs: number };

/** Per account or per person: 3 free tries, then a doubling wait (1 s, 2 s, 4 s …), locked for 15 min after 10. */
export const PER_TARGET: AttemptPolicy = { freeTries: 3, lockAfter: 10, lockMs: 15 * 60_000, maxDelayMs: 60_000 };
/** Per network address: looser, because many people can share one address (a college, a hostel). */
export const PER_ADDRESS: AttemptPolicy = { freeTries: 15, lockAfter: 50, lockMs: 15 * 60_000, maxDelayMs: 60_000 };
/**
 * Every recovery attempt on the server together: a recovery code has ~98 bits, so this only has to make guessing
 * from many addresses slow, never stop one person; 50 at once, then waits growing to one every 5 s, locked for 15 minutes after 100.
 */
export const GLOBAL_RECOVERY: AttemptPolicy = { freeTries: 50, lockAfter: 100, lockMs: 15 * 60_000, maxDelayMs: 5_000 };

/**
 * Pure rule: how long after the last counted try another may be made, when `tries` have been counted. The first
 * `freeTries` at once; then each waits twice as long as the one before (1 s, 2 s, 4 s … up to maxDelayMs); after
 * `lockAfter` tries none until lockMs after the last one (then the count starts again).
 */
function waitAfter(policy: AttemptPolicy, tries: number): number {
  if (tries < policy.freeTries) return 0;
  if (tries >= policy.lockAfter) return policy.lockMs;
  return Math.min(policy.maxDelayMs, 1000 * 2 ** (tries - policy.freeTries));
}

export type AttemptKey = { key: string; policy: AttemptPolicy };

type CounterRow = { tries: number; last_try_ms: number; ticket: string };

/** The upsert that counts one try on `key` only when the rule allows it; returns the row as it now is. */
function countOne(db: Db, { key, policy }: AttemptKey, now: number, ticket: string) {
  const since = sql`(${now} - attempt_counters.last_try_ms)`;
  const stale = sql`${since} >= ${sql.lit(policy.lockMs)}`;
  // The wait after the tries counted so far, as a CASE over the few counts that have one.
  const waits: RawBuilder<unknown>[] = [];
  for (let tries = policy.freeTries; tries < policy.lockAfter; tries++) waits.push(sql`when ${sql.lit(tries)} then ${sql.lit(waitAfter(policy, tries))}`);
  const allowed = sql`(attempt_counters.tries < ${sql.lit(policy.freeTries)} or (attempt_counters.tries < ${sql.lit(policy.lockAfter)}
    and ${since} >= case attempt_counters.tries ${sql.join(waits, sql` `)} else 0 end))`;
  return sql<CounterRow>`
    insert into attempt_counters (key, tries, last_try_ms, ticket) values (${key}, 1, ${now}, ${ticket})
    on conflict (key) do update set
      tries = case when ${stale} then 1 when ${allowed} then attempt_counters.tries + 1 else attempt_counters.tries end,
      last_try_ms = case when ${stale} or ${allowed} then ${now} else attempt_counters.last_try_ms end,
      ticket = case when ${stale} or ${allowed} then ${ticket} else attempt_counters.ticket end
    returning tries, last_try_ms, ticket`.execute(db);
}

/**
 * Counts this try against every key, or throws 429 (with retryAfterSeconds) and counts it against none. Call it
 * BEFORE checking the guess; after a right guess call clearAttempts for the target and refundAttempts for the rest.
 */
export async function countAttempt(db: Kysely<Database>, keys: AttemptKey[], now = Date.now()): Promise<void> {
  const ticket = randomUUID();
  await db.transaction().execute(async (trx) => {
    for (const key of keys) {
      const { rows: [row] } = await countOne(trx, key, now, ticket);
      if (row.ticket === ticket) continue;
      const tries = Number(row.tries);
      const locked = tries >= key.policy.lockAfter;
      const retryAfterSeconds = Math.max(1, Math.ceil((Number(row.last_try_ms) + waitAfter(key.policy, tries) - now) / 1000));
      // Thrown inside the transaction, so the tries already counted on earlier keys are rolled back too.
      throw new ApiError(429, locked
        ? { error: 'locked', retryAfterSeconds, message: `Too many wrong tries. This is locked for ${Math.ceil(retryAfterSeconds / 60)} minutes.` }
        : { error: 'slow-down', retryAfterSeconds, message: `Please wait ${retryAfterSeconds} seconds before trying again.` });
    }
  });
  // Counts older than every lock are worth nothing: forget them, so guessed keys (codes, emails) don't pile up.
  await db.deleteFrom('attempt_counters').where('last_try_ms', '<', now - FORGET_ATTEMPTS_AFTER_MS).execute();
}

/** A count older than every lock is worth nothing (and may hold a network address): it is forgotten. */
export const FORGET_ATTEMPTS_AFTER_MS = Math.max(PER_TARGET.lockMs, PER_ADDRESS.lockMs, GLOBAL_RECOVERY.lockMs);

/** A right guess: the target's count starts again. */
export async function clearAttempts(db: Db, keys: string[]): Promise<void> {
  if (keys.length) await db.deleteFrom('attempt_counters').where('key', 'in', keys).execute();
}

/** A right guess does not count against the shared keys (an address, everyone): give its try back. */
export async function refundAttempts(db: Db, keys: string[]): Promise<void> {
  if (!keys.length) return;
  await db.updateTable('attempt_counters').set({ tries: sql`tries - 1` }).where('key', 'in', keys).where('tries', '>', 0).execute();
}
