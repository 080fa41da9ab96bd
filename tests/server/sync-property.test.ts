// Property: random offline edits, duplicated and lost pushes, pulls and server restarts on two phones of one person
// never lose an acknowledged write, never duplicate a record, and everyone converges. SQLite and PostgreSQL.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/app.ts';
import { FEELINGS, LIFE_AREAS, type Checkin } from '../../src/shared/checkins.ts';
import type { Mutation } from '../../src/shared/sync.ts';
import { pullAll, registerDevice } from './helpers/api.ts';
import { DIALECTS, freshDatabase, type TestDatabase } from './helpers/databases.ts';
import { TestPhone, type PushOutcome } from './helpers/test-phone.ts';

const ID_POOL = 4;
const phoneArb = fc.constantFrom<0 | 1>(0, 1);
const timeArb = fc.constantFrom('2026-11-20T09:00:00.000Z', '2026-11-21T18:30:00+01:00');
const fieldsArb = fc.record({
  at: timeArb,
  mood: fc.constantFrom(1, 2, 3, 4, 5) as fc.Arbitrary<Checkin['mood']>,
  hard: fc.subarray([...LIFE_AREAS], { maxLength: 3 }),
  good: fc.subarray([...LIFE_AREAS], { maxLength: 3 }),
  feelings: fc.subarray([...FEELINGS], { maxLength: 3 }),
  note: fc.string({ maxLength: 20 }),
  sharedWithPa: fc.boolean(),
  updatedAt: timeArb,
}).map((f) => ({ ...f, good: f.good.filter((g) => !f.hard.includes(g)) }));

const commandArb = fc.oneof(
  { weight: 4, arbitrary: fc.record({ type: fc.constant('put' as const), phone: phoneArb, slot: fc.nat(ID_POOL - 1), fields: fieldsArb }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('delete' as const), phone: phoneArb, slot: fc.nat(ID_POOL - 1) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('offline' as const), phone: phoneArb }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('online' as const), phone: phoneArb }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('push' as const), phone: phoneArb, sends: fc.constantFrom(1, 1, 2), lose: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('pull' as const), phone: phoneArb }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('restart' as const) }) },
);

describe.each(DIALECTS)('sync convergence property on %s', (dialect) => {
  let database: TestDatabase;
  let app: FastifyInstance;

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    app = await buildServer(database.config);
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  it('loses no acknowledged write, duplicates nothing, and converges on both phones and the server', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(commandArb, { maxLength: 60 }), fc.integer({ min: 1, max: 4 }), async (commands, batchSize) => {
        const ids = Array.from({ length: ID_POOL }, () => randomUUID());
        const first = await registerDevice(app);
        const code = (await app.inject({ method: 'POST', url: '/api/v1/devices/link-codes', headers: { authorization: `Bearer ${first.token}` } })).json().code;
        const second = await registerDevice(app, code);
        const phones = [new TestPhone(first, () => app, batchSize), new TestPhone(second, () => app, batchSize)];

        // The model: the server applies each phone's mutations once, in seq order, last writer wins.
        const expected = new Map<string, Checkin>();
        const appliedSeq = [0, 0];
        const modelApply = (phone: number, outcomes: PushOutcome[]) => {
          for (const o of outcomes) {
            expect(o.status, 'a well-behaved phone never gets a gap or refusal').toBe(200);
            for (const m of o.sent.filter((x: Mutation) => x.seq > appliedSeq[phone])) {
              if (m.op === 'delete') expected.delete(m.id);
              else expected.set(m.id, m.record as Checkin);
              appliedSeq[phone] = m.seq;
            }
            expect(o.lastSeq).toBe(appliedSeq[phone]);
          }
        };

        for (const c of commands) {
          if (c.type === 'restart') {
            await app.close();
            app = await buildServer(database.config);
            continue;
          }
          const phone = phones[c.phone];
          if (c.type === 'put') phone.put({ id: ids[c.slot], ...c.fields });
          else if (c.type === 'delete') phone.remove(ids[c.slot]);
          else if (c.type === 'offline') phone.online = false;
          else if (c.type === 'online') phone.online = true;
          else if (c.type === 'push') modelApply(c.phone, await phone.push(c.sends, c.lose));
          else await phone.pull();
        }

        // Both phones come online and sync until there is nothing left to send.
        for (const phone of phones) phone.online = true;
        for (const [i, phone] of phones.entries()) {
          for (let guard = 0; phone.outbox.length > 0; guard++) {
            expect(guard).toBeLessThan(100);
            modelApply(i, await phone.push());
          }
        }
        for (const phone of phones) await phone.pull();

        const everything = await pullAll(app, first);
        const ids_ = everything.changes.map((c) => c.id);
        expect(new Set(ids_).size, 'no record appears twice in the feed').toBe(ids_.length);
        const server = new Map(everything.changes.filter((c) => !c.deleted).map((c) => [c.id, c.record as Checkin]));
        expect(server).toEqual(expected);
        for (const phone of phones) {
          expect(phone.local).toEqual(expected);
          expect(phone.ackedSeq).toBe(phone.nextSeq - 1);
        }
      }),
      { numRuns: 60 },
    );
  });
});
