// Shared copies, the only health data a PA endpoint can see: the young person shares, unshares and answers; the
// PA's pages read them.
import { randomUUID } from 'node:crypto';

import type { z } from 'zod';

import { type CaseloadEntry, itemTime, needOf, QUIET_DAYS } from '../../shared/sharing/caseload.ts';
import { paCopyOf } from '../../shared/sharing/paCopy.ts';
import type { SharedContact, SharedItem, shareSchema, ThreadMessage } from '../../shared/sharing/schemas.ts';
import { nextWorkingTime, workingHoursOf } from '../../shared/sharing/working-hours.ts';
import type { Db } from '../store/tables.ts';
import type { ShareMessagesTable, SharesTable } from './tables.ts';

export function toSharedItem(row: SharesTable): SharedItem {
  return { id: row.id, kind: row.kind as SharedItem['kind'], sharedAt: row.shared_at, seenAt: row.seen_at, reply: row.reply, data: JSON.parse(row.data) as SharedItem['data'] };
}

/** The contact details a young person shares with their PA (pa_links.contact), written only after myContactSchema passed. */
export function contactOf(stored: string | null | undefined): SharedContact | null {
  return stored ? (JSON.parse(stored) as SharedContact) : null;
}

const toMessage = (row: ShareMessagesTable): ThreadMessage => ({ id: row.id, author: row.author as ThreadMessage['author'], text: row.body, at: row.at, seenAt: row.seen_at });

/** Each item's thread (after its first reply), oldest first, attached to the items. */
export async function withThreads(db: Db, items: SharedItem[], by: { personId: string; paId: string }): Promise<SharedItem[]> {
  const rows = await db.selectFrom('share_messages').selectAll().where('person_id', '=', by.personId).where('pa_id', '=', by.paId).orderBy('at').orderBy('id').execute();
  const byShare = new Map<string, ThreadMessage[]>();
  for (const row of rows) {
    const list = byShare.get(row.share_id) ?? [];
    list.push(toMessage(row));
    byShare.set(row.share_id, list);
  }
  return items.map((item) => ({ ...item, thread: byShare.get(item.id) ?? [] }));
}

export async function addMessage(db: Db, share: { id: string; person_id: string; pa_id: string }, author: ThreadMessage['author'], text: string): Promise<ThreadMessage> {
  const at = new Date().toISOString();
  const row: ShareMessagesTable = { id: randomUUID(), share_id: share.id, person_id: share.person_id, pa_id: share.pa_id, author, body: text, at, seen_at: author === 'pa' ? at : null };
  await db.insertInto('share_messages').values(row).execute();
  return toMessage(row);
}

async function sharesFor(db: Db, personId: string, paId: string): Promise<SharedItem[]> {
  const rows = await db.selectFrom('shares').selectAll().where('person_id', '=', personId).where('pa_id', '=', paId).execute();
  return rows.map(toSharedItem).sort((a, b) => itemTime(a).localeCompare(itemTime(b)));
}

/** The person's items shared with the PA, oldest first, each with its thread. */
export async function sharesWithThreads(db: Db, personId: string, paId: string): Promise<SharedItem[]> {
  return withThreads(db, await sharesFor(db, personId, paId), { personId, paId });
}

type ShareInput = z.output<typeof shareSchema>;
type Shared = { id: string; sharedAt: string; outOfHours: boolean; likelySeenFrom: string | null };

/** The young person shares (or shares again) one item with their PA, and hears when the PA will likely see it. */
export async function shareItem(db: Db, personId: string, input: ShareInput): Promise<Shared | 'not-connected' | 'not-yours'> {
  const link = await db.selectFrom('pa_links').innerJoin('staff_users', 'staff_users.id', 'pa_links.pa_id')
    .select(['pa_id', 'working_hours']).where('person_id', '=', personId).executeTakeFirst();
  if (!link) return 'not-connected';
  const id = input.kind === 'request' ? input.id : input.record.id;
  // Only what was chosen is copied; for a check-in that is the whole check-in the person saw when sharing.
  // The same copy a synced record makes (src/shared/sharing/paCopy.ts): a check-in's note only when ticked.
  const data = input.kind === 'request' ? paCopyOf('paRequest', input) : paCopyOf(input.kind, { ...input.record, sharedWithPa: true });
  const now = new Date();
  const values = { pa_id: link.pa_id, kind: input.kind, data: JSON.stringify(data), shared_at: now.toISOString(), seen_at: null, reply: null };
  const saved = await db.insertInto('shares').values({ id, person_id: personId, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values).where('shares.person_id', '=', personId))
    .returning('id').executeTakeFirst();
  if (!saved) return 'not-yours';
  const likely = nextWorkingTime(workingHoursOf(link.working_hours), now);
  const outOfHours = likely === null || likely.getTime() !== now.getTime();
  return { id, sharedAt: values.shared_at, outOfHours, likelySeenFrom: outOfHours && likely ? likely.toISOString() : null };
}

/** false when the item is not (any more) shared by this person. */
export async function unshareItem(db: Db, personId: string, id: string): Promise<boolean> {
  return !!(await db.deleteFrom('shares').where('id', '=', id).where('person_id', '=', personId).returning('id').executeTakeFirst());
}

/** The young person's answer in an item's thread, once the PA has replied to it. */
export async function answerAsYoungPerson(db: Db, personId: string, shareId: string, text: string): Promise<ThreadMessage | 'not-shared' | 'no-reply-yet'> {
  const share = await db.selectFrom('shares').innerJoin('pa_links', (j) => j.onRef('pa_links.person_id', '=', 'shares.person_id').onRef('pa_links.pa_id', '=', 'shares.pa_id'))
    .select(['shares.id', 'shares.person_id', 'shares.pa_id', 'shares.reply']).where('shares.id', '=', shareId).where('shares.person_id', '=', personId).executeTakeFirst();
  if (!share) return 'not-shared';
  const paWrote = share.reply || (await db.selectFrom('share_messages').select('id').where('share_id', '=', shareId).where('author', '=', 'pa').executeTakeFirst());
  if (!paWrote) return 'no-reply-yet';
  return addMessage(db, share, 'young-person', text);
}

/** Shared longer ago than this and seen, an item is only counted, never read in full, by the caseload. */
const RECENT_DAYS = QUIET_DAYS + 1;

export async function caseloadOf(db: Db, paId: string, now = Date.now()): Promise<CaseloadEntry[]> {
  const links = await db.selectFrom('pa_links').selectAll().where('pa_id', '=', paId).execute();
  // A year of items each is too much to read on every load: only what is unseen or recent is read in full (the
  // need score looks back a week, "gone quiet" two weeks); older items are counted and their latest time kept.
  const recentFrom = new Date(now - RECENT_DAYS * 86_400_000).toISOString();
  const rows = await db.selectFrom('shares').selectAll().where('pa_id', '=', paId)
    .where((eb) => eb.or([eb('seen_at', 'is', null), eb('shared_at', '>=', recentFrom)])).execute();
  const older = await db.selectFrom('shares').select((eb) => ['person_id', 'kind', eb.fn.countAll<number>().as('n'), eb.fn.max('shared_at').as('last')])
    .where('pa_id', '=', paId).where('seen_at', 'is not', null).where('shared_at', '<', recentFrom).groupBy(['person_id', 'kind']).execute();
  const olderOf = new Map<string, { checkins: number; last: string | null }>();
  for (const o of older) {
    const seen = olderOf.get(o.person_id) ?? { checkins: 0, last: null };
    if (o.kind === 'checkin') seen.checkins += Number(o.n);
    if (o.last && (!seen.last || o.last > seen.last)) seen.last = o.last;
    olderOf.set(o.person_id, seen);
  }
  // Answers in a thread the PA has not read yet count as new too.
  const answers = await db.selectFrom('share_messages').select(['person_id']).where('pa_id', '=', paId).where('seen_at', 'is', null).execute();
  const byPerson = new Map<string, SharedItem[]>();
  for (const row of rows) {
    const list = byPerson.get(row.person_id) ?? [];
    list.push(toSharedItem(row));
    byPerson.set(row.person_id, list);
  }
  const unreadAnswers = new Map<string, number>();
  for (const a of answers) unreadAnswers.set(a.person_id, (unreadAnswers.get(a.person_id) ?? 0) + 1);
  return links.map((link) => {
    const items = byPerson.get(link.person_id) ?? [];
    const past = olderOf.get(link.person_id);
    return {
      personId: link.person_id,
      name: link.name,
      label: link.label ?? null,
      connectedAt: link.linked_at,
      unseen: items.filter((i) => !i.seenAt).length + (unreadAnswers.get(link.person_id) ?? 0),
      ...needOf(items, now, past?.checkins ?? 0),
      // When it happened (a check-in's own time), not when it was shared (for long-past items, when it was shared).
      lastSharedAt: items.reduce<string | null>((max, i) => {
        const when = itemTime(i);
        return max === null || when > max ? when : max;
      }, past?.last ?? null),
      language: link.language ?? null,
    };
  });
}

const csvCell = (value: unknown): string => {
  let text = value === null || value === undefined ? '' : Array.isArray(value) ? value.join('; ') : typeof value === 'string' ? value : JSON.stringify(value);
  // A leading = + - @ would run as a formula in a spreadsheet; a quote mark makes it plain text.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
};

const CSV_COLUMNS = ['kind', 'when', 'sharedAt', 'mood', 'feelings', 'hard', 'good', 'note', 'life', 'worthwhile', 'happy', 'anxious', 'request', 'about', 'appointmentTitle', 'appointmentAt', 'seenAt', 'reply', 'thread'] as const;

type CsvRow = Record<(typeof CSV_COLUMNS)[number], unknown>;

function itemRow(item: SharedItem): CsvRow {
  const d = item.data;
  const appointment = d.appointment as { title?: unknown; startsAt?: unknown } | undefined;
  return {
    kind: item.kind, when: itemTime(item), sharedAt: item.sharedAt, mood: d.mood, feelings: d.feelings, hard: d.hard, good: d.good, note: d.note,
    life: d.life, worthwhile: d.worthwhile, happy: d.happy, anxious: d.anxious, request: d.request, about: d.about,
    appointmentTitle: appointment?.title, appointmentAt: appointment?.startsAt, seenAt: item.seenAt, reply: item.reply,
    thread: (item.thread ?? []).map((m) => `${m.at} ${m.author === 'pa' ? 'PA' : 'young person'}: ${m.text}`),
  };
}

export function sharesAsCsv(items: SharedItem[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const item of items) lines.push(CSV_COLUMNS.map((c) => csvCell(itemRow(item)[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** The whole caseload in one file: each person's shared items (with appointment titles and times) and contact log. */
export function caseloadAsCsv(people: { name: string; label: string | null; items: SharedItem[]; contacts: { kind: string; at: string }[] }[]): string {
  const columns = ['person', 'label', ...CSV_COLUMNS] as const;
  const lines: string[] = [columns.join(',')];
  for (const person of people) {
    const rows: CsvRow[] = [
      ...person.items.map(itemRow),
      ...person.contacts.map((c) => ({ kind: `contact-${c.kind}`, when: c.at }) as CsvRow),
    ].sort((a, b) => String(a.when).localeCompare(String(b.when)));
    for (const row of rows) lines.push([csvCell(person.name), csvCell(person.label), ...CSV_COLUMNS.map((c) => csvCell(row[c]))].join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
