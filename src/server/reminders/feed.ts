// Keeps due_reminders in step with synced appointments by reading the records feed (versions) since last time.
// No hook in the sync push is needed: every put or delete bumps a record's version, and we follow the versions.
import { appointmentSchema, reminderTimes } from '../../shared/appointments/schema.ts';
import type { Store } from '../store/database.ts';

const BATCH = 500;

/** The unique key of one reminder: moving the appointment makes a new one, so a moved appointment reminds again. */
function reminderKey(appointmentId: string, minutesBefore: number, startsAt: string): string {
  return `${appointmentId}|${minutesBefore}|${new Date(startsAt).toISOString()}`;
}

/** Reads appointment changes since the saved version; returns how many records it looked at. */
export async function followAppointments(store: Store, now: Date): Promise<number> {
  const db = store.db;
  return db.transaction().execute(async (trx) => {
    let feed = trx.selectFrom('reminder_feed').select('version').where('id', '=', 1);
    // Two server instances must not read the same batch at once (SQLite already has a single writer).
    if (store.dialect === 'postgres') feed = feed.forUpdate();
    const since = Number((await feed.executeTakeFirstOrThrow()).version);
    // The newest committed version first, and only records up to it. A push holds the versions it reserves under a
    // lock until it commits (store/versions.ts), so every record up to this one has committed. Read after the
    // records instead, on PostgreSQL (each statement sees what has committed by then), it could include a push that
    // committed in between, and the feed would jump past that appointment for good: its reminders never sent.
    const top = Number((await trx.selectFrom('sync_meta').select('version').where('id', '=', 1).executeTakeFirstOrThrow()).version);
    const changed = await trx
      .selectFrom('records').select(['id', 'person_id', 'kind', 'version', 'deleted', 'data'])
      .where('version', '>', since).where('version', '<=', top).where('kind', '=', 'appointment')
      .orderBy('version').limit(BATCH).execute();
    if (changed.length === 0) {
      // Skip past other kinds too, so the next read starts where the feed is now.
      if (top > since) await trx.updateTable('reminder_feed').set({ version: top }).where('id', '=', 1).execute();
      return 0;
    }
    for (const row of changed) {
      const parsed = row.deleted || !row.data ? undefined : appointmentSchema.safeParse(JSON.parse(row.data));
      const appointment = parsed?.success && parsed.data.status === 'planned' ? parsed.data : undefined;
      const wanted = appointment && Date.parse(appointment.startsAt) > now.getTime()
        ? reminderTimes(appointment).map((r) => ({
          id: reminderKey(appointment.id, r.minutesBefore, appointment.startsAt),
          person_id: row.person_id, appointment_id: row.id, minutes_before: r.minutesBefore,
          starts_at: new Date(appointment.startsAt).toISOString(), due_at: new Date(r.at).toISOString(),
          state: 'pending' as const, claimed_at: null, sent_at: null, attempts: 0,
        }))
        : [];
      // Reminders no longer wanted (deleted, cancelled, moved, reminder removed) and not yet sent are dropped.
      let stale = trx.deleteFrom('due_reminders').where('appointment_id', '=', row.id).where('state', '=', 'pending');
      if (wanted.length > 0) stale = stale.where('id', 'not in', wanted.map((w) => w.id));
      await stale.execute();
      if (wanted.length > 0) {
        // Already known (or already sent) reminders keep their row: that is what makes each one send once.
        await trx.insertInto('due_reminders').values(wanted).onConflict((oc) => oc.column('id').doNothing()).execute();
      }
    }
    await trx.updateTable('reminder_feed').set({ version: Number(changed[changed.length - 1].version) }).where('id', '=', 1).execute();
    return changed.length;
  });
}
