// "Someone on your caseload asked you to call": a content-free Web Push to the PA (and to whoever covers them today),
// only inside that PA's working hours and never outside them. Requests made outside hours are not pushed later:
// the young person was already told when the PA will likely see it, and the caseload shows it at the top.
// Sending reuses the reminders' Web Push sender (reminders/send.ts): the same VAPID keys and endpoint checks.
//
// Once, across servers: each recent "Please call me" is first claimed by inserting its pa_push_notices row (only
// one insert wins). A burst (one young person tapping again and again, or several requests in one tick) makes one
// push: a person already pushed about within BURST_MS is not pushed again, and every push carries the same Topic
// and notification tag, so a push service or browser holding an older one replaces it.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { ukDay } from '../../shared/sharing/schemas.ts';
import { isWithinWorkingHours } from '../../shared/sharing/working-hours.ts';
import { workingHoursOf } from '../../shared/sharing/working-hours.ts';
import { repeatEvery } from '../reminders/repeatEvery.ts';
import { type PushSender, topicOf } from '../reminders/send.ts';
import type { Store } from '../store/database.ts';

/** A request older than this when first seen (after downtime, or before this feature) is not pushed. */
const RECENT_MS = 15 * 60 * 1000;
/**
 * One young person asking again within this time is the same burst: one push. Matches the PA page's grouping.
 * @internal exported for its tests (knip --production)
 */
export const BURST_MS = 4 * 60 * 60 * 1000;
const CALL_ALERT_TAG = 'pa-call-me';

type CallAlertWords = { title: string; body: string };
type CallAlertPayload = CallAlertWords & { url: string; tag: string };

const LOCALES = path.resolve(import.meta.dirname, '../../../locales');
let words: Map<string, CallAlertWords> | undefined;

/** The notification's words from the PA page's own locale files (pa.push, English and Arabic); else English. */
function callAlertWords(language: string): CallAlertWords {
  if (!words) {
    words = new Map();
    for (const code of ['en', 'ar']) {
      const push = (JSON.parse(readFileSync(path.join(LOCALES, `${code}.json`), 'utf8')) as { pa?: { push?: { notificationTitle?: string; notificationBody?: string } } }).pa?.push;
      if (push?.notificationTitle && push.notificationBody) words.set(code, { title: push.notificationTitle, body: push.notificationBody });
    }
  }
  return words.get(language.toLowerCase().split('-')[0]) ?? words.get('en')!;
}

/** What the PA's browser receives: the same fixed words for every request, nothing about who asked. */
function callAlertPayload(language: string): CallAlertPayload {
  return { ...callAlertWords(language), url: '/pa/', tag: CALL_ALERT_TAG };
}

type CallAlertLog = { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
export type CallAlertOptions = { store: Store; send: PushSender; now?: () => Date; intervalMs?: number; log?: CallAlertLog };
type CallAlertResult = { requests: number; pushed: number; outsideHours: number; subscriptionsRemoved: number };
export type CallAlertScheduler = { tick(): Promise<CallAlertResult>; start(): void; stop(): Promise<void> };

const silent: CallAlertLog = { info() {}, warn() {} };

export function createCallAlertScheduler(options: CallAlertOptions): CallAlertScheduler {
  const { store, send } = options;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? silent;
  const db = store.db;

  /** The PA and, during cover, whoever covers them today. */
  async function recipientsOf(paId: string, at: Date): Promise<string[]> {
    const today = ukDay(at);
    const covers = await db.selectFrom('pa_cover').select('cover_pa_id')
      .where('pa_id', '=', paId).where('starts_on', '<=', today).where('ends_on', '>=', today).execute();
    return [paId, ...new Set(covers.map((c) => c.cover_pa_id).filter((id) => id !== paId))];
  }

  /** Pushes to every browser a PA opted in from, if they are at work now; 'outside' when they are not. */
  async function pushTo(paId: string, at: Date, result: CallAlertResult): Promise<'delivered' | 'not-delivered' | 'outside'> {
    const staff = await db.selectFrom('staff_users').select('working_hours').where('id', '=', paId).where('role', '=', 'pa').executeTakeFirst();
    if (!staff) return 'not-delivered';
    if (!isWithinWorkingHours(workingHoursOf(staff.working_hours), at)) return 'outside';
    // Only browsers whose PA is still signed in there (a signed-out session took its subscriptions with it).
    const subscriptions = await db.selectFrom('pa_push_subscriptions')
      .innerJoin('staff_sessions', 'staff_sessions.token_hash', 'pa_push_subscriptions.session_hash')
      .select(['pa_push_subscriptions.id', 'endpoint', 'p256dh', 'auth', 'language'])
      .where('pa_push_subscriptions.pa_id', '=', paId).where('staff_sessions.user_id', '=', paId)
      .where('staff_sessions.expires_at', '>', at.toISOString())
      .execute();
    let delivered = false;
    for (const s of subscriptions) {
      const outcome = await send({ endpoint: s.endpoint, p256dh: s.p256dh, auth: s.auth }, JSON.stringify(callAlertPayload(s.language)), topicOf(`${CALL_ALERT_TAG}:${paId}`));
      if (outcome === 'gone') {
        await db.deleteFrom('pa_push_subscriptions').where('id', '=', s.id).execute();
        result.subscriptionsRemoved++;
      }
      if (outcome === 'delivered') delivered = true;
    }
    return delivered ? 'delivered' : 'not-delivered';
  }

  async function tick(): Promise<CallAlertResult> {
    const at = now();
    const iso = at.toISOString();
    const result: CallAlertResult = { requests: 0, pushed: 0, outsideHours: 0, subscriptionsRemoved: 0 };
    const recent = await db.selectFrom('shares').select(['id', 'person_id', 'pa_id', 'data'])
      .where('kind', '=', 'request').where('seen_at', 'is', null)
      .where('shared_at', '>=', new Date(at.getTime() - RECENT_MS).toISOString())
      .where((eb) => eb.not(eb.exists(eb.selectFrom('pa_push_notices').select('share_id').whereRef('pa_push_notices.share_id', '=', 'shares.id'))))
      .limit(500)
      .execute();

    const bursts = new Map<string, string[]>();
    for (const share of recent) {
      if ((JSON.parse(share.data) as { request?: string }).request !== 'call-me') continue;
      const claimed = await db.insertInto('pa_push_notices').values({ share_id: share.id, pa_id: share.pa_id, person_id: share.person_id, at: iso, pushed: 0 })
        .onConflict((oc) => oc.column('share_id').doNothing()).returning('share_id').executeTakeFirst();
      if (!claimed) continue; // another server has it
      result.requests++;
      const key = `${share.pa_id}\u0000${share.person_id}`;
      bursts.set(key, [...(bursts.get(key) ?? []), share.id]);
    }

    const pushedThisTick = new Set<string>();
    for (const [key, shareIds] of bursts) {
      const [paId, personId] = key.split('\u0000');
      const already = await db.selectFrom('pa_push_notices').select('share_id')
        .where('pa_id', '=', paId).where('person_id', '=', personId).where('pushed', '=', 1)
        .where('at', '>', new Date(at.getTime() - BURST_MS).toISOString()).executeTakeFirst();
      if (already) continue;
      let reached = false;
      for (const recipient of await recipientsOf(paId, at)) {
        // Several young people asking in one tick: one push per PA (the notification says nothing about who).
        if (pushedThisTick.has(recipient)) { reached = true; continue; }
        const outcome = await pushTo(recipient, at, result);
        if (outcome === 'outside') result.outsideHours++;
        if (outcome === 'delivered') {
          pushedThisTick.add(recipient);
          result.pushed++;
          reached = true;
        }
      }
      if (reached) await db.updateTable('pa_push_notices').set({ pushed: 1 }).where('share_id', 'in', shareIds).execute();
    }
    if (result.requests) log.info({ ...result }, 'call alerts');
    return result;
  }

  return {
    tick,
    ...repeatEvery(options.intervalMs ?? 30_000, tick, (message) => log.warn({ err: { message } }, 'call alert tick failed')),
  };
}
