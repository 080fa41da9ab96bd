// "Export my data": a complete copy of everything this phone holds about its person, made on the phone, and the
// "Import" that brings such a copy back into an empty phone (through the normal data layer, so it is backed up too).
import { z } from 'zod';
import { PERSONAL_KINDS, personalRecordSchemas, type PersonalKind } from '../../../shared/sync.ts';
import { db, tableForKind } from '../../data/db.ts';
import { saveRecord } from '../../data/records.ts';

/** Names the file as this app's, so an import can refuse anything else; raise `version` when the shape changes. */
export const EXPORT_FORMAT = 'care-leaver-app/my-data';
export const EXPORT_VERSION = 1;
// Where the sharing feature keeps the last known PA link (src/app/features/sharing/status.ts).
const SHARING_STATUS_KEY = 'myPaStatus';

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
    const sharing = (await db.meta.get(SHARING_STATUS_KEY))?.value ?? null;
    return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), records, sharing } as MyDataExport;
  });
}

export type ImportResult = { ok: true; count: number } | { ok: false; field: string };

/**
 * Checks the whole file first (nothing is written if any record is wrong), then saves every record in one
 * transaction through saveRecord, so each is queued for backup as if typed in again.
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
    for (const kind of PERSONAL_KINDS) {
      for (const record of parsed.data.records[kind] as { id: string }[]) {
        await saveRecord(kind, record);
        count++;
      }
    }
  });
  return { ok: true, count };
}
