// The young person's link to a PA: what their My PA screen shows, connecting with a PA's code, their contact
// details, counting in anonymous monitoring, and disconnecting.
import { randomUUID } from 'node:crypto';

import type { Kysely } from 'kysely';

import { normaliseCode } from '../../shared/readableCode.ts';
import type { MyPaStatus, SharedContact } from '../../shared/sharing/schemas.ts';
import { workingHoursOf } from '../../shared/sharing/working-hours.ts';
import { hashSecret } from '../auth/tokens.ts';
import type { Database, Db } from '../store/tables.ts';
import { coverToday } from './cover.ts';
import { contactOf, toSharedItem, withThreads } from './shares.ts';

export async function myPaStatus(db: Db, personId: string): Promise<MyPaStatus> {
  const monitoring = !!(await db.selectFrom('monitoring_consents').select('person_id').where('person_id', '=', personId).executeTakeFirst());
  const link = await db.selectFrom('pa_links').innerJoin('staff_users', 'staff_users.id', 'pa_links.pa_id')
    .select(['pa_links.pa_id', 'pa_links.contact', 'staff_users.name', 'staff_users.working_hours']).where('person_id', '=', personId).executeTakeFirst();
  if (!link) return { connected: false, monitoring };
  const rows = await db.selectFrom('shares').selectAll().where('person_id', '=', personId).where('pa_id', '=', link.pa_id).orderBy('shared_at', 'desc').execute();
  const shares = await withThreads(db, rows.map(toSharedItem), { personId, paId: link.pa_id });
  // The PA's "read" marks on their answers are the PA's own business: the phone gets the words and times only.
  for (const item of shares) item.thread = item.thread?.map(({ seenAt: _seen, ...m }) => m);
  return { connected: true, monitoring, paName: link.name, workingHours: workingHoursOf(link.working_hours), shares, coveredBy: await coverToday(db, link.pa_id), contact: contactOf(link.contact) };
}

/** Leaving a PA (disconnecting, or connecting to another): their caseload keeps a "stopped sharing" card, name and when only. */
async function endLink(trx: Db, personId: string, now: string, unlessPa: string | null): Promise<void> {
  const old = await trx.selectFrom('pa_links').select(['pa_id', 'name', 'label']).where('person_id', '=', personId).executeTakeFirst();
  if (!old || old.pa_id === unlessPa) return;
  await trx.deleteFrom('contact_log').where('person_id', '=', personId).where('pa_id', '=', old.pa_id).execute();
  await trx.deleteFrom('ended_links').where('person_id', '=', personId).where('pa_id', '=', old.pa_id).execute();
  await trx.insertInto('ended_links').values({ id: randomUUID(), person_id: personId, pa_id: old.pa_id, name: old.name, label: old.label ?? null, ended_at: now }).execute();
}

/** Connects the young person to the PA whose pairing code this is; the PA's name, or null when the code is wrong, used or expired. */
export async function connectWithCode(db: Kysely<Database>, personId: string, input: { code: string; name: string; language?: string }): Promise<string | null> {
  const now = new Date().toISOString();
  return db.transaction().execute(async (trx) => {
    // One UPDATE claims the code, so a code works once even when two phones race.
    const claimed = await trx.updateTable('pairing_codes').set({ used_at: now })
      .where('code_hash', '=', hashSecret(normaliseCode(input.code))).where('used_at', 'is', null).where('expires_at', '>', now)
      .returning('pa_id').executeTakeFirst();
    if (!claimed) return null;
    const pa = await trx.selectFrom('staff_users').select(['name', 'council']).where('id', '=', claimed.pa_id).executeTakeFirstOrThrow();
    // A new PA never inherits what was shared with the old one; the old one sees "stopped sharing".
    await endLink(trx, personId, now, claimed.pa_id);
    await trx.deleteFrom('ended_links').where('person_id', '=', personId).where('pa_id', '=', claimed.pa_id).execute();
    await trx.deleteFrom('shares').where('person_id', '=', personId).execute();
    await trx.deleteFrom('pa_links').where('person_id', '=', personId).execute();
    await trx.insertInto('pa_links').values({ person_id: personId, pa_id: claimed.pa_id, council: pa.council, name: input.name, linked_at: now, language: input.language ?? null }).execute();
    await trx.updateTable('monitoring_consents').set({ council: pa.council }).where('person_id', '=', personId).execute();
    return pa.name;
  });
}

export async function disconnect(db: Kysely<Database>, personId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await endLink(trx, personId, new Date().toISOString(), null);
    await trx.deleteFrom('shares').where('person_id', '=', personId).execute();
    await trx.deleteFrom('pa_links').where('person_id', '=', personId).execute();
    // Counting in was given through this PA's council: leaving the PA ends it too (they can opt in again later).
    await trx.deleteFrom('monitoring_consents').where('person_id', '=', personId).execute();
  });
}

/** A phone number and how they like to be contacted, or null to stop sharing it; false when not connected. */
export async function shareMyContact(db: Db, personId: string, contact: SharedContact | null): Promise<boolean> {
  const updated = await db.updateTable('pa_links').set({ contact: contact ? JSON.stringify(contact) : null }).where('person_id', '=', personId).returning('person_id').executeTakeFirst();
  return !!updated;
}

export async function stopCountingIn(db: Db, personId: string): Promise<void> {
  await db.deleteFrom('monitoring_consents').where('person_id', '=', personId).execute();
}

/** Counts the young person in their PA's council's anonymous figures; false when not connected. */
export async function countMeIn(db: Db, personId: string): Promise<boolean> {
  const link = await db.selectFrom('pa_links').select('council').where('person_id', '=', personId).executeTakeFirst();
  if (!link) return false;
  await db.insertInto('monitoring_consents').values({ person_id: personId, council: link.council, opted_in_at: new Date().toISOString() })
    .onConflict((oc) => oc.column('person_id').doUpdateSet({ council: link.council })).execute();
  return true;
}
