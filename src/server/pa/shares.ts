// Reading shared copies: the only health data a PA endpoint can see.
import type { SharedItem } from '../../shared/sharing/schemas.ts';
import { itemTime, needOf, type CaseloadEntry } from '../../shared/sharing/caseload.ts';
import type { SharesTable, SharingDb } from './tables.ts';

export function toSharedItem(row: SharesTable): SharedItem {
  return { id: row.id, kind: row.kind as SharedItem['kind'], sharedAt: row.shared_at, seenAt: row.seen_at, reply: row.reply, data: JSON.parse(row.data) };
}


export async function sharesFor(db: SharingDb, personId: string, paId: string): Promise<SharedItem[]> {
  const rows = await db.selectFrom('shares').selectAll().where('person_id', '=', personId).where('pa_id', '=', paId).execute();
  return rows.map(toSharedItem).sort((a, b) => itemTime(a).localeCompare(itemTime(b)));
}

export async function caseloadOf(db: SharingDb, paId: string, now = Date.now()): Promise<CaseloadEntry[]> {
  const links = await db.selectFrom('pa_links').selectAll().where('pa_id', '=', paId).execute();
  const rows = await db.selectFrom('shares').selectAll().where('pa_id', '=', paId).execute();
  return links.map((link) => {
    const items = rows.filter((r) => r.person_id === link.person_id).map(toSharedItem);
    return {
      personId: link.person_id,
      name: link.name,
      connectedAt: link.linked_at,
      unseen: items.filter((i) => !i.seenAt).length,
      ...needOf(items, now),
      lastSharedAt: items.reduce<string | null>((max, i) => (max === null || i.sharedAt > max ? i.sharedAt : max), null),
      language: link.language ?? null,
    };
  });
}

const csvCell = (value: unknown): string => {
  let text = value === null || value === undefined ? '' : Array.isArray(value) ? value.join('; ') : String(value);
  // A leading = + - @ would run as a formula in a spreadsheet; a quote mark makes it plain text.
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
};

export const CSV_COLUMNS = ['kind', 'when', 'sharedAt', 'mood', 'feelings', 'hard', 'good', 'note', 'life', 'worthwhile', 'happy', 'anxious', 'request', 'about', 'seenAt', 'reply'] as const;

export function sharesAsCsv(items: SharedItem[]): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const item of items) {
    const d = item.data;
    const row: Record<(typeof CSV_COLUMNS)[number], unknown> = {
      kind: item.kind, when: itemTime(item), sharedAt: item.sharedAt, mood: d.mood, feelings: d.feelings, hard: d.hard, good: d.good, note: d.note,
      life: d.life, worthwhile: d.worthwhile, happy: d.happy, anxious: d.anxious, request: d.request, about: d.about, seenAt: item.seenAt, reply: item.reply,
    };
    lines.push(CSV_COLUMNS.map((c) => csvCell(row[c])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** A check-in deleted on the phone is no longer shared: drop its copy before anyone reads shares. */
export async function dropSharesOfDeletedRecords(db: SharingDb, by: { paId: string } | { personId: string }): Promise<void> {
  let query = db.deleteFrom('shares')
    .where('kind', 'in', ['checkin', 'ons4'])
    .where('id', 'in', (qb) => qb.selectFrom('records').select('records.id').where('records.deleted', '=', 1).whereRef('records.person_id', '=', 'shares.person_id'));
  query = 'paId' in by ? query.where('pa_id', '=', by.paId) : query.where('person_id', '=', by.personId);
  await query.execute();
}
