// "Export my data": a complete copy of everything this phone holds about its person, made on the phone, and the
// "Import" that brings such a copy back into an empty phone (through the normal data layer, so it is backed up too).
import { z } from 'zod';

import { PERSONAL_KINDS, type PersonalKind, personalRecordSchemas } from '../../../shared/sync.ts';
import { db, tableForKind } from '../../data/db.ts';
import { META } from '../../data/meta.ts';
import { saveRecord } from '../../data/records.ts';

/** Names the file as this app's, so an import can refuse anything else; raise `version` when the shape changes. */
export const EXPORT_FORMAT = 'care-leaver-app/my-data';
export const EXPORT_VERSION = 1;

function tableOf(kind: PersonalKind) {
  const name = tableForKind[kind];
  if (!name) throw new Error(`No local table for kind ${kind}`);
  return db.table(name);
}

/** One array per synced kind, checked with the same schemas the server uses. */
const recordsSchema = z.strictObject(
  Object.fromEntries(PERSONAL_KINDS.map((kind) => [kind, z.array(personalRecordSchemas[kind]).default([])])) as {
    [K in PersonalKind]: z.ZodDefault<z.ZodArray<(typeof personalRecordSchemas)[K]>>;
  },
);

export const exportFileSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: z.iso.datetime({ offset: true }),
  records: recordsSchema,
  // The PA link lives on the server: exported so the person can read it, never written back by an import
  // (connecting again takes a new code from the PA).
  sharing: z.unknown().optional(),
});
export type MyDataExport = z.infer<typeof exportFileSchema>;

/** Everything personal this phone holds. The public directory, the outbox and sync bookkeeping are left out. */
export async function buildExport(now = new Date()): Promise<MyDataExport> {
  const tables = PERSONAL_KINDS.map(tableOf);
  return db.transaction('r', [...tables, db.meta], async () => {
    const records = {} as Record<PersonalKind, unknown[]>;
    for (const kind of PERSONAL_KINDS) records[kind] = await tableOf(kind).toArray();
    const sharing = (await db.meta.get(META.myPaStatus))?.value ?? null;
    return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), records, sharing } as MyDataExport;
  });
}

export type ImportResult = { ok: true; count: number } | { ok: false; field: string };

/** Every string in `value` that is a key of `ids` replaced by its value (ids inside records, e.g. a request's appointment). */
function withNewIds<T>(value: T, ids: Map<string, string>): T {
  if (typeof value === 'string') return (ids.get(value) ?? value) as T;
  if (Array.isArray(value)) return (value as unknown[]).map((v) => withNewIds(v, ids)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withNewIds(v, ids)])) as T;
  return value;
}

/**
 * Checks the whole file first (nothing is written if any record is wrong), then saves every record in one
 * transaction through saveRecord, so each is queued for backup as if typed in again.
 * A record this phone already holds keeps its id (bringing a copy back twice changes nothing). Any other gets a new
 * id: on the server an id belongs to one person for good, and the phone the copy came from may still be backed up
 * under another, so its ids would be refused (403) and never back up here.
 */
export async function importExport(text: string): Promise<ImportResult> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, field: '' };
  }
  const parsed = exportFileSchema.safeParse(json);
  if (!parsed.success) return { ok: false, field: parsed.error.issues[0]?.path.join('.') ?? '' };
  const tables = PERSONAL_KINDS.map(tableOf);
  let count = 0;
  await db.transaction('rw', [...tables, db.outbox], async () => {
    const newIds = new Map<string, string>();
    for (const kind of PERSONAL_KINDS) {
      for (const { id } of parsed.data.records[kind] as { id: string }[]) {
        if (!(await tableOf(kind).get(id))) newIds.set(id, crypto.randomUUID());
      }
    }
    for (const kind of PERSONAL_KINDS) {
      for (const record of parsed.data.records[kind] as { id: string }[]) {
        await saveRecord(kind, withNewIds(record, newIds));
        count++;
      }
    }
  });
  return { ok: true, count };
}

/** Every check-in on this phone, for the spreadsheet copy. */
export const allCheckins = () => db.checkins.toArray();

/** Every appointment on this phone, for the spreadsheet copy. */
export const allAppointments = () => db.appointments.toArray();
