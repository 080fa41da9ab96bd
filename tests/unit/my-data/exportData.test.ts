// Export my data: complete, re-importable into an empty phone, nothing of anyone else; the spreadsheets are safe.
import fc from 'fast-check';
import i18n from 'i18next';
import { beforeEach, describe, expect, it } from 'vitest';

import { db, tableForKind } from '../../../src/app/data/db.ts';
import { saveRecord } from '../../../src/app/data/records.ts';
import { appointmentsCsv, checkinsCsv, csvCell } from '../../../src/app/features/my-data/csv.ts';
import { buildExport, importExport } from '../../../src/app/features/my-data/myData.ts';
import { FEELINGS, LIFE_AREAS } from '../../../src/shared/checkinOptions.ts';
import { SAFETY_PLAN_STEPS } from '../../../src/shared/directory/personal.ts';
import { PA_REQUESTS } from '../../../src/shared/sharing/schemas.ts';
import { PERSONAL_KINDS, type PersonalKind, personalRecordSchemas } from '../../../src/shared/sync.ts';
import { isSafeText } from '../../../src/shared/text.ts';
import { aCheckin } from '../../builders/checkin.ts';
import { freshPhone } from '../helpers/appTest.tsx';

beforeEach(() => freshPhone());

// Text of any kind a person might type (emoji, Arabic, quotes, commas, line breaks), as long as it can be stored.
const text = (maxLength: number) => fc.string({ unit: 'binary', maxLength }).filter(isSafeText);
const time = fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2027-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString());
const subset = <T extends string>(all: readonly T[]) => fc.subarray([...all]);

const raw: Record<PersonalKind, fc.Arbitrary<Record<string, unknown>>> = {
  checkin: fc.record({ at: time, mood: fc.constantFrom(1, 2, 3, 4, 5), hard: subset(LIFE_AREAS), feelings: subset(FEELINGS), note: text(300), sharedWithPa: fc.boolean(), updatedAt: time }),
  ons4: fc.record({ at: time, life: fc.nat(10), worthwhile: fc.nat(10), happy: fc.nat(10), anxious: fc.nat(10), sharedWithPa: fc.boolean(), updatedAt: time }),
  appointment: fc.record({ title: text(60), startsAt: time, place: text(60), notes: text(200), status: fc.constantFrom('planned', 'cancelled'), updatedAt: time }),
  paRequest: fc.record({ request: fc.constantFrom(...PA_REQUESTS.filter((r) => r !== 'travel-help')), about: text(40), at: time, updatedAt: time }),
  favourite: fc.record({ serviceId: fc.string({ minLength: 1, maxLength: 20 }), savedAt: time }),
  safetyPlan: fc.record({ updatedAt: time, [SAFETY_PLAN_STEPS[0]]: text(100), [SAFETY_PLAN_STEPS[3]]: text(100) }),
  goal: fc.record({
    text: text(60), area: fc.constantFrom(...LIFE_AREAS), onHold: fc.boolean(), sharedWithPa: fc.boolean(), createdAt: time, updatedAt: time,
    steps: fc.uniqueArray(fc.record({ id: fc.uuid({ version: 4 }), text: text(40), due: fc.option(fc.constant('2027-01-15'), { nil: undefined }), doneAt: fc.option(time, { nil: undefined }) },
      { requiredKeys: ['id', 'text'] }), { maxLength: 3, selector: (s) => s.id }),
  }),
};

/** A valid record of `kind` as the app stores it (the schema's output, defaults filled); invalid draws are skipped. */
const recordOf = (kind: PersonalKind) =>
  fc.tuple(fc.uuid({ version: 4 }), raw[kind])
    .map(([id, fields]) => personalRecordSchemas[kind].safeParse({ id, ...fields }))
    .filter((r) => r.success)
    .map((r) => r.data as { id: string });

const everything = fc.record(Object.fromEntries(PERSONAL_KINDS.map((kind) => [kind, fc.uniqueArray(recordOf(kind), { maxLength: 4, selector: (r) => r.id })])) as Record<PersonalKind, fc.Arbitrary<{ id: string }[]>>);

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
const tableContents = async () =>
  Object.fromEntries(await Promise.all(PERSONAL_KINDS.map(async (kind) => [kind, (await db.table(tableForKind[kind]!).toArray()).sort(byId)])));
/** What each table holds, ids left out (a copy brought into an empty phone gets new ids; see importExport). */
const contentsWithoutIds = async () =>
  Object.fromEntries(Object.entries(await tableContents()).map(([kind, rows]) =>
    [kind, (rows as { id: string }[]).map(({ id: _id, ...rest }) => JSON.stringify(rest)).sort()]));

// Someone else's words on the phone: the public directory and sync bookkeeping, never part of the export.
const OTHER_PERSON_MARK = 'Example Other Person Service (invented)';

describe('export my data', () => {
  it('holds every record made, brings back the same state on an empty phone, and nothing of anyone else', async () => {
    await fc.assert(
      fc.asyncProperty(everything, async (made) => {
        await freshPhone();
        await db.services.put({ id: 'svc-invented', name: OTHER_PERSON_MARK } as never);
        await db.meta.put({ key: 'device', value: { deviceId: 'invented-device', token: 'invented-secret-token' } });
        // Sharing state: the PA link as last heard from the server (each record's own share flag rides with it).
        const sharing = { connected: true, paName: 'Example PA (invented)', monitoring: false };
        await db.meta.put({ key: 'myPaStatus', value: sharing });
        for (const kind of PERSONAL_KINDS) for (const record of made[kind]) await saveRecord(kind, record);
        const beforeWithoutIds = await contentsWithoutIds();

        const file = JSON.stringify(await buildExport());
        const exported = JSON.parse(file);
        for (const kind of PERSONAL_KINDS) expect([...exported.records[kind]].sort(byId)).toEqual([...made[kind]].sort(byId));
        expect(exported.sharing).toEqual(sharing);
        expect(file).not.toContain(OTHER_PERSON_MARK);
        expect(file).not.toContain('invented-secret-token');

        // An empty phone: nothing personal, nothing waiting.
        await Promise.all(db.tables.map((table) => table.clear()));
        const result = await importExport(file);
        expect(result).toEqual({ ok: true, count: PERSONAL_KINDS.reduce((n, kind) => n + made[kind].length, 0) });
        expect(await contentsWithoutIds()).toEqual(beforeWithoutIds);
        // Saved through the data layer: every record is queued to be backed up, under ids no one else's phone used.
        const after = await tableContents();
        const queued = await db.outbox.toArray();
        expect(queued.map((e) => `${e.kind}:${e.id}`).sort()).toEqual(PERSONAL_KINDS.flatMap((kind) => after[kind].map((r: { id: string }) => `${kind}:${r.id}`)).sort());
        const oldIds = new Set(PERSONAL_KINDS.flatMap((kind) => made[kind].map((r) => r.id)));
        expect(queued.filter((e) => oldIds.has(e.id))).toEqual([]);

        // Brought back again into the phone that now holds it: the same records, nothing doubled.
        expect(await importExport(JSON.stringify(await buildExport()))).toMatchObject({ ok: true });
        expect(await tableContents()).toEqual(after);
      }),
      { numRuns: 40 },
    );
  });

  it('refuses a file that is not a copy, or has one bad record, and writes nothing', async () => {
    const now = new Date().toISOString();
    const good = aCheckin({ at: now, mood: 4, note: 'Invented note' });
    await saveRecord('checkin', good);
    const file = JSON.parse(JSON.stringify(await buildExport()));
    await Promise.all(db.tables.map((table) => table.clear()));

    file.records.checkin.push({ ...good, id: crypto.randomUUID(), mood: 9 });
    expect(await importExport(JSON.stringify(file))).toEqual({ ok: false, field: 'records.checkin.1.mood' });
    expect(await importExport('{"not":"a copy"}')).toMatchObject({ ok: false });
    expect(await importExport('not json at all')).toMatchObject({ ok: false });
    expect(await db.checkins.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('spreadsheets of check-ins and appointments', () => {
  it('neutralises formulas and quotes cells so a spreadsheet shows them as typed', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(csvCell(`${start}HYPERLINK("x")`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('a, "b"\nc')).toBe('"a, ""b""\nc"');
    expect(csvCell('plain')).toBe('plain');
  });

  it('is UTF-8 with a byte-order mark, in the reader\'s language', async () => {
    await freshPhone('ar');
    const now = '2026-03-29T10:00:00+01:00';
    const checkin = personalRecordSchemas.checkin.parse({ id: crypto.randomUUID(), at: now, mood: 2, hard: ['money'], note: '=SUM(A1) مرحبا', updatedAt: now });
    const csv = checkinsCsv([checkin], i18n.t);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, row] = csv.slice(1).trimEnd().split('\r\n');
    expect(header.split(',')[1]).toBe(i18n.t('settings.myData.mood'));
    expect(header.split(',')[1]).toBe('المزاج');
    expect(row).toContain(i18n.t('checkin.mood.2'));
    expect(row).toContain(i18n.t('checkin.areas.money'));
    expect(row).toContain("'=SUM(A1) مرحبا");

    const appointment = personalRecordSchemas.appointment.parse({ id: crypto.randomUUID(), title: '@Invented clinic', startsAt: now, status: 'cancelled', updatedAt: now });
    const apCsv = appointmentsCsv([appointment], i18n.t);
    expect(apCsv.startsWith('\uFEFF')).toBe(true);
    expect(apCsv).toContain("'@Invented clinic");
    expect(apCsv).toContain(i18n.t('appointments.cancelled'));
  });
});
