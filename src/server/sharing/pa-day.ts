// A PA's day with their own young people (issue 16): what is seen, the short thread on an item, the contact log,
// labels, "stopped sharing" cards and removing a stale connection. Every function is scoped to one PA's own links.
import { randomUUID } from 'node:crypto';

import type { Kysely } from 'kysely';

import type { ContactEntry, ContactKind, SharedItem, ThreadMessage } from '../../shared/sharing/schemas.ts';
import type { Database, Db } from '../store/tables.ts';
import { addMessage, sharesWithThreads } from './shares.ts';

/** The PA's link to this young person, or undefined when they are not connected to this PA. */
export async function linkOf(db: Db, personId: string, paId: string) {
  return db.selectFrom('pa_links').selectAll().where('person_id', '=', personId).where('pa_id', '=', paId).executeTakeFirst();
}

/** Marks shares seen (those not seen yet) and the young person's answers on them read. */
export async function markSeen(db: Db, paId: string, personId: string, ids: string[] | undefined, now: string): Promise<number> {
  let shares = db.updateTable('shares').set({ seen_at: now }).where('pa_id', '=', paId).where('person_id', '=', personId).where('seen_at', 'is', null);
  let answers = db.updateTable('share_messages').set({ seen_at: now }).where('pa_id', '=', paId).where('person_id', '=', personId).where('seen_at', 'is', null);
  if (ids) {
    shares = shares.where('id', 'in', ids);
    answers = answers.where('share_id', 'in', ids);
  }
  const marked = await shares.returning('id').execute();
  await answers.execute();
  return marked.length;
}

/** One item seen, with the PA's short reply (or none); null when the item is not shared with this PA. */
export async function markSeenWithReply(db: Db, paId: string, shareId: string, reply: string | null, seenAt: string): Promise<{ personId: string } | null> {
  const updated = await db.updateTable('shares').set({ seen_at: seenAt, reply })
    .where('id', '=', shareId).where('pa_id', '=', paId).returning(['id', 'person_id']).executeTakeFirst();
  if (!updated) return null;
  await markSeen(db, paId, updated.person_id, [shareId], seenAt);
  return { personId: updated.person_id };
}

/** The PA's message in an item's thread; null when the item is not shared with this PA. */
export async function replyAsPa(db: Db, paId: string, shareId: string, text: string): Promise<{ message: ThreadMessage; personId: string } | null> {
  const share = await db.selectFrom('shares').select(['id', 'person_id', 'pa_id']).where('id', '=', shareId).where('pa_id', '=', paId).executeTakeFirst();
  if (!share) return null;
  // Replying is reading: the item and the answers above it are seen now.
  await markSeen(db, paId, share.person_id, [shareId], new Date().toISOString());
  return { message: await addMessage(db, share, 'pa', text), personId: share.person_id };
}

export async function contactsFor(db: Db, personId: string, paId: string): Promise<ContactEntry[]> {
  const rows = await db.selectFrom('contact_log').select(['id', 'kind', 'at']).where('person_id', '=', personId).where('pa_id', '=', paId).orderBy('at', 'desc').execute();
  return rows.map((r) => ({ id: r.id, kind: r.kind as ContactKind, at: r.at }));
}

export async function logContact(db: Db, paId: string, personId: string, kind: ContactKind, at: string): Promise<ContactEntry> {
  const entry = { id: randomUUID(), kind, at: new Date(at).toISOString() };
  await db.insertInto('contact_log').values({ ...entry, person_id: personId, pa_id: paId, recorded_at: new Date().toISOString() }).execute();
  return entry;
}

/** false when the young person is not connected to this PA. */
export async function setLabel(db: Db, paId: string, personId: string, label: string | null): Promise<boolean> {
  return !!(await db.updateTable('pa_links').set({ label }).where('person_id', '=', personId).where('pa_id', '=', paId).returning('person_id').executeTakeFirst());
}

/** Who stopped sharing (disconnected): a card saying when, until the PA removes it. */
export async function stoppedSharing(db: Db, paId: string): Promise<{ personId: string; name: string; label: string | null; endedAt: string }[]> {
  const ended = await db.selectFrom('ended_links').select(['person_id', 'name', 'label', 'ended_at']).where('pa_id', '=', paId).orderBy('ended_at', 'desc').execute();
  return ended.map((e) => ({ personId: e.person_id, name: e.name, label: e.label, endedAt: e.ended_at }));
}

/**
 * Removes a stale connection (or the "stopped sharing" card it left); false when there was neither. The young person's
 * phone then says it is not connected; everything they had shared with this PA goes (threads with their items, the
 * contact log with the link).
 */
export async function removeConnection(db: Kysely<Database>, paId: string, personId: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const link = await trx.deleteFrom('pa_links').where('person_id', '=', personId).where('pa_id', '=', paId).returning('person_id').executeTakeFirst();
    const ended = await trx.deleteFrom('ended_links').where('person_id', '=', personId).where('pa_id', '=', paId).returning('id').execute();
    if (!link && ended.length === 0) return false;
    if (link) {
      await trx.deleteFrom('shares').where('person_id', '=', personId).where('pa_id', '=', paId).execute();
      await trx.deleteFrom('monitoring_consents').where('person_id', '=', personId).execute();
    }
    await trx.deleteFrom('contact_log').where('person_id', '=', personId).where('pa_id', '=', paId).execute();
    return true;
  });
}

/** Every young person of the PA's, by name, with their shared items (threads included) and contact log: the caseload CSV's content. */
export async function caseloadForExport(db: Db, paId: string): Promise<{ name: string; label: string | null; items: SharedItem[]; contacts: ContactEntry[] }[]> {
  const links = await db.selectFrom('pa_links').select(['person_id', 'name', 'label']).where('pa_id', '=', paId).orderBy('name').execute();
  const people = [];
  for (const link of links) {
    people.push({
      name: link.name, label: link.label ?? null,
      items: await sharesWithThreads(db, link.person_id, paId),
      contacts: await contactsFor(db, link.person_id, paId),
    });
  }
  return people;
}
