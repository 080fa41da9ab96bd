// The retention rule: the server keeps nothing it no longer needs. Once a day (and on `npm run admin -- retention`)
// it deletes what has been finished with for RETENTION_DAYS (30 by default):
//   - tombstones (deleted records), but only once every phone of that person still signed in has pulled past them,
//     so no phone keeps a record deleted elsewhere (devices.pulled_version, migration 014);
//   - signed-out phones; their token's hash moves to signed_out_tokens (a hash, nothing about the person), so the phone,
//     if it ever comes back, is still told "device-signed-out" and wipes itself;
//   - expired or used recovery-link and pairing codes, expired staff sessions, and reminders already sent or missed;
//   - at once: a PA browser's push subscription whose session has ended (signing out deletes it already), and the
//     call alerts' notes of which requests were pushed after a day (they only matter for BURST_MS).
// Guess counters (which hold a network address) live at most 15 minutes and are swept on every run as well.
// Kept on purpose: people, their live records, PA links and shares (the service itself), recovery codes (they have no
// expiry: they are how a lost phone's data comes back), the audit log (a PA's access must stay accountable) and
// the anonymous directory reports.

import { FORGET_ATTEMPTS_AFTER_MS } from '../auth/attempts.ts';
import type { Store } from '../store/database.ts';

export type RetentionReport = {
  tombstones: number;
  signedOutDevices: number;
  codes: number;
  staffSessions: number;
  reminders: number;
  guessCounters: number;
  paPush: number;
};

const DAY_MS = 24 * 60 * 60 * 1000;
const counted = (result: { numDeletedRows: bigint }[]) => result.reduce((sum, r) => sum + Number(r.numDeletedRows), 0);

/** Deletes everything finished with more than `days` days before `now`; says how many rows of each went. */
export async function applyRetention(store: Store, days: number, now = Date.now()): Promise<RetentionReport> {
  const db = store.db;
  const cutoff = new Date(now - days * DAY_MS).toISOString();
  const nowIso = new Date(now).toISOString();
  return db.transaction().execute(async (trx) => {
    const tombstones = counted(await trx.deleteFrom('records')
      .where('deleted', '=', 1).where('updated_at', '<', cutoff)
      .where((eb) => eb.not(eb.exists(eb.selectFrom('devices').select('devices.id')
        .whereRef('devices.person_id', '=', 'records.person_id')
        .where('devices.revoked_at', 'is', null)
        .whereRef('devices.pulled_version', '<', 'records.version'))))
      .execute());

    const gone = await trx.selectFrom('devices').select(['id', 'token_hash']).where('revoked_at', '<', cutoff).execute();
    for (const { id, token_hash } of gone) {
      await trx.insertInto('signed_out_tokens').values({ token_hash, signed_out_at: nowIso }).onConflict((c) => c.doNothing()).execute();
      await trx.deleteFrom('push_subscriptions').where('device_id', '=', id).execute();
      await trx.deleteFrom('devices').where('id', '=', id).execute();
    }

    const codes = counted(await trx.deleteFrom('link_codes').where('expires_at', '<', cutoff).execute())
      + counted(await trx.deleteFrom('pairing_codes').where('expires_at', '<', cutoff).execute());
    const staffSessions = counted(await trx.deleteFrom('staff_sessions').where('expires_at', '<', cutoff).execute());
    const reminders = counted(await trx.deleteFrom('due_reminders')
      .where('state', 'in', ['sent', 'missed', 'gone']).where('due_at', '<', cutoff).execute());
    const paPush = counted(await trx.deleteFrom('pa_push_subscriptions').where((eb) => eb.not(eb.exists(eb.selectFrom('staff_sessions')
      .select('staff_sessions.token_hash').whereRef('staff_sessions.token_hash', '=', 'pa_push_subscriptions.session_hash').where('staff_sessions.expires_at', '>', nowIso)))).execute())
      + counted(await trx.deleteFrom('pa_push_notices').where('at', '<', new Date(now - DAY_MS).toISOString()).execute());
    const guessCounters = counted(await trx.deleteFrom('attempt_counters').where('last_try_ms', '<', now - FORGET_ATTEMPTS_AFTER_MS).execute());
    return { tombstones, signedOutDevices: gone.length, codes, staffSessions, reminders, guessCounters, paPush };
  });
}

export type RetentionLog = { info(obj: object, msg: string): void; error(obj: object, msg: string): void };

/** Runs the rule now and then every `everyMs`; the timer never keeps the process alive. Returns a stop function. */
export function scheduleRetention(store: Store, days: number, log: RetentionLog, everyMs = DAY_MS): () => void {
  const run = () => {
    applyRetention(store, days).then(
      (report) => log.info({ retention: report, days }, 'retention rule applied'),
      (error: unknown) => log.error({ err: error }, 'retention rule failed; it runs again tomorrow'),
    );
  };
  const first = setTimeout(run, 0);
  const timer = setInterval(run, everyMs);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
