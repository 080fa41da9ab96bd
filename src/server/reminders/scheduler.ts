// Sends each due reminder by Web Push once, catches up after downtime, and forgets subscriptions the push service
// says are gone. The clock is injected so tests can move time; production uses the wall clock.
//
// Once, across crashes: a reminder row is first *claimed* (pending → sending, one conditional UPDATE, committed),
// then sent, then marked sent. A second instance or a restarted one can't claim it again, so it is never sent
// twice in normal running or after a crash between ticks. If the process dies in the instant between claiming and
// marking sent, we can't know whether the push went out; after STALE_CLAIM_MS the claim is released and the push is
// sent again with the same Topic header and notification tag, so a push service that still holds the first copy
// replaces it and a phone that showed it replaces it silently. Missing a reminder is worse than that rare repeat.
import type { NotificationWords } from '../../shared/appointments/schema.ts';
import { appointmentSchema } from '../../shared/appointments/schema.ts';
import type { Store } from '../store/database.ts';
import { followAppointments } from './feed.ts';
import { reminderPayload } from './payload.ts';
import { repeatEvery } from './repeatEvery.ts';
import { type PushSender, topicOf } from './send.ts';
import { type DueRemindersTable } from './tables.ts';
import { notificationWords } from './words.ts';

type DueReminder = DueRemindersTable;

/** @internal exported for its tests (knip --production) */
export const STALE_CLAIM_MS = 2 * 60 * 1000;
/** @internal exported for its tests (knip --production) */
export const MAX_ATTEMPTS = 5;
const BATCH = 100;

type SchedulerLog = { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };
export type ReminderSchedulerOptions = {
  store: Store;
  send: PushSender;
  now?: () => Date;
  intervalMs?: number;
  log?: SchedulerLog;
};
type TickResult = { sent: number; missed: number; subscriptionsRemoved: number };

export type ReminderScheduler = {
  /** One pass: follow appointment changes, then send what is due. Tests call this directly. */
  tick(): Promise<TickResult>;
  start(): void;
  stop(): Promise<void>;
};

const silent: SchedulerLog = { info() {}, warn() {} };

export function createReminderScheduler(options: ReminderSchedulerOptions): ReminderScheduler {
  const { store, send } = options;
  const now = options.now ?? (() => new Date());
  const log = options.log ?? silent;
  const db = store.db;

  // A lost phone's device is revoked: it must stop getting reminders at once, before anything else is sent.
  const liveSubscriptions = () => db.selectFrom('push_subscriptions')
    .innerJoin('devices', 'devices.id', 'push_subscriptions.device_id').where('devices.revoked_at', 'is', null);

  async function tick(): Promise<TickResult> {
    const at = now();
    const iso = at.toISOString();
    const result: TickResult = { sent: 0, missed: 0, subscriptionsRemoved: 0 };
    for (let i = 0; i < 20 && (await followAppointments(store, at)) > 0; i++);

    // Too late: a reminder is useless once the appointment has begun.
    const missed = await db.updateTable('due_reminders').set({ state: 'missed' })
      .where('state', 'in', ['pending', 'sending']).where('starts_at', '<=', iso).executeTakeFirst();
    result.missed = Number(missed.numUpdatedRows);
    // Claims left by a process that died mid-send (see the comment at the top).
    // Every claim counted one attempt, so a reminder whose sending keeps dying ends after MAX_ATTEMPTS, not never.
    const staleBefore = new Date(at.getTime() - STALE_CLAIM_MS).toISOString();
    await db.updateTable('due_reminders').set({ state: 'gone' })
      .where('state', '=', 'sending').where('claimed_at', '<', staleBefore).where('attempts', '>=', MAX_ATTEMPTS).execute();
    await db.updateTable('due_reminders').set({ state: 'pending' })
      .where('state', '=', 'sending').where('claimed_at', '<', staleBefore).execute();

    const due = await db.selectFrom('due_reminders').selectAll()
      .where('state', '=', 'pending').where('due_at', '<=', iso).where('starts_at', '>', iso)
      .where((eb) => eb.exists(eb.selectFrom('push_subscriptions')
        .innerJoin('devices', 'devices.id', 'push_subscriptions.device_id').where('devices.revoked_at', 'is', null)
        .select('push_subscriptions.id').whereRef('push_subscriptions.person_id', '=', 'due_reminders.person_id')))
      .orderBy('due_at').limit(BATCH).execute();

    // After downtime several reminders for one appointment can be due at once: send only the latest, once.
    const latest = new Map<string, (typeof due)[number]>();
    for (const r of due) if ((latest.get(r.appointment_id)?.minutes_before ?? Infinity) > r.minutes_before) latest.set(r.appointment_id, r);
    const superseded = due.filter((r) => latest.get(r.appointment_id) !== r).map((r) => r.id);
    if (superseded.length > 0) {
      const skipped = await db.updateTable('due_reminders').set({ state: 'missed' }).where('id', 'in', superseded).where('state', '=', 'pending').executeTakeFirst();
      result.missed += Number(skipped.numUpdatedRows);
    }

    for (const reminder of latest.values()) {
      const claimed = await db.updateTable('due_reminders')
        .set({ state: 'sending', claimed_at: iso, attempts: reminder.attempts + 1 })
        .where('id', '=', reminder.id).where('state', '=', 'pending').executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) continue; // another instance has it
      try {
        if (await sendOne(reminder, iso, result)) result.sent++;
      } catch (error) {
        // One reminder that can't be sent must not hold up everyone else's: it is retried, and ends at MAX_ATTEMPTS.
        const retry = reminder.attempts + 1 < MAX_ATTEMPTS;
        await db.updateTable('due_reminders').set({ state: retry ? 'pending' : 'gone' }).where('id', '=', reminder.id).where('state', '=', 'sending').execute();
        log.warn({ err: { message: error instanceof Error ? error.message : String(error) }, attempts: reminder.attempts + 1 }, 'reminder not sent');
      }
    }
    if (result.sent || result.missed || result.subscriptionsRemoved) log.info({ ...result }, 'reminders');
    return result;
  }

  /** Sends one claimed reminder to each of its person's phones; true when at least one got it. */
  async function sendOne(reminder: DueReminder, iso: string, result: TickResult): Promise<boolean> {
    const record = await db.selectFrom('records').select('data')
      .where('id', '=', reminder.appointment_id).where('kind', '=', 'appointment').where('deleted', '=', 0).executeTakeFirst();
    const parsed = record?.data ? appointmentSchema.safeParse(JSON.parse(record.data)) : undefined;
    if (!parsed?.success || parsed.data.status !== 'planned') {
      await db.updateTable('due_reminders').set({ state: 'gone' }).where('id', '=', reminder.id).execute();
      return false;
    }
    const subscriptions = await liveSubscriptions().selectAll('push_subscriptions').where('push_subscriptions.person_id', '=', reminder.person_id).execute();
    const outcomes = [];
    for (const s of subscriptions) {
      // The phone's own words when it sent them (the same locale files), else the server's for its language.
      const words = { ...notificationWords(s.language), ...(JSON.parse(s.words) as Partial<NotificationWords>) };
      const payload = JSON.stringify(reminderPayload(parsed.data, words, s.language));
      const outcome = await send({ endpoint: s.endpoint, p256dh: s.p256dh, auth: s.auth }, payload, topicOf(reminder.id));
      if (outcome === 'gone') {
        await db.deleteFrom('push_subscriptions').where('id', '=', s.id).execute();
        result.subscriptionsRemoved++;
      }
      outcomes.push(outcome);
    }
    const delivered = outcomes.includes('delivered');
    const retry = !delivered && outcomes.includes('retry') && reminder.attempts + 1 < MAX_ATTEMPTS;
    await db.updateTable('due_reminders')
      .set(delivered ? { state: 'sent', sent_at: iso } : retry ? { state: 'pending' } : { state: 'gone' })
      .where('id', '=', reminder.id).execute();
    return delivered;
  }

  return {
    tick,
    // The first tick runs at once: it catches up on what fell due while the server was down.
    ...repeatEvery(options.intervalMs ?? 30_000, tick, (message) => log.warn({ err: { message } }, 'reminder tick failed')),
  };
}
