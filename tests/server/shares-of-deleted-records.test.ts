// A check-in deleted on the phone stops being shared when the delete is saved, in the push's own transaction
// (sync/pa-copies.ts), so the PA's reads need no clean-up of their own; migration 016 cleared, once, any copy of a
// deleted record a database held from before that was so.
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';

import { up as clearSharesOfDeletedRecords } from '../../src/server/migrations/016_shares_of_deleted_records.ts';
import { checkin, deleteRecord, push, putCheckin, registerDevice } from './helpers/api.ts';
import { DIALECTS } from './helpers/databases.ts';
import { serverForBlock } from './helpers/server.ts';
import { asStaff, connect, signedInStaff } from './sharing-helpers.ts';

describe.each(DIALECTS)('shares of deleted check-ins, on %s', (dialect) => {
  const server = serverForBlock(dialect);
  let app: FastifyInstance;
  beforeAll(() => {
    app = server.app;
  });

  it('are gone from the PA’s copy the moment the delete is saved, and the old clean-up clears any left from before', async () => {
    const pa = await signedInStaff(app, 'pa', 'Example Council');
    const phone = await registerDevice(app);
    await connect(app, phone, pa);
    const kept = checkin({ sharedWithPa: true, note: 'Example note kept' });
    const deleted = checkin({ sharedWithPa: true, note: 'Example note deleted' });
    expect((await push(app, phone, [putCheckin(1, kept), putCheckin(2, deleted)])).statusCode).toBe(200);
    const db = app.store.db;
    const { person_id: personId } = await db.selectFrom('devices').select('person_id').where('id', '=', phone.deviceId).executeTakeFirstOrThrow();
    const sharedIds = async () => (await db.selectFrom('shares').select('id').where('person_id', '=', personId).execute()).map((r) => r.id).sort();
    expect(await sharedIds()).toEqual([kept.id, deleted.id].sort());

    // The write itself removes the copy: straight from the table, with no PA read in between.
    expect((await push(app, phone, [deleteRecord(3, deleted.id)])).statusCode).toBe(200);
    expect(await sharedIds()).toEqual([kept.id]);
    const page = await asStaff(app, pa, { method: 'GET', url: `/api/v1/pa/people/${personId}` });
    expect((JSON.parse(page.body) as { shares: { id: string }[] }).shares.map((s) => s.id)).toEqual([kept.id]);

    // A copy left from before (put back by hand here) is cleared by the migration, and only that one.
    const old = { id: deleted.id, person_id: personId, pa_id: pa.id, kind: 'checkin', data: JSON.stringify({ note: 'Example note deleted' }), shared_at: new Date().toISOString(), seen_at: null, reply: null };
    await db.insertInto('shares').values(old).execute();
    await clearSharesOfDeletedRecords(app.store.db);
    expect(await sharedIds()).toEqual([kept.id]);
  });
});
