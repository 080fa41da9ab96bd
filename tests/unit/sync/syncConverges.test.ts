// Property test, after Actual's: random offline edits, failures and lost answers never lose a change,
// and once the network is back the phone and the server agree.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';

import { db } from '../../../src/app/data/db.ts';
import { deleteRecord, saveRecord } from '../../../src/app/data/records.ts';
import { syncNow } from '../../../src/app/sync/syncClient.ts';
import type { Checkin } from '../../../src/shared/checkins.ts';
import { urlOf } from '../helpers/fetchCalls.ts';
import { FakeSyncServer } from './fakeServer.ts';

const IDS = Array.from({ length: 4 }, (_, i) => `00000000-0000-4000-8000-00000000000${i}`);

type Step =
  | { do: 'save'; which: number; mood: Checkin['mood'] }
  | { do: 'delete'; which: number }
  | { do: 'other-phone-saves'; which: number; mood: Checkin['mood'] }
  | { do: 'sync'; network: 'ok' | 'offline' | 'server-error' | 'answer-lost' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ do: fc.constant('save' as const), which: fc.nat(3), mood: fc.constantFrom<Checkin['mood']>(1, 2, 3, 4, 5) }),
  fc.record({ do: fc.constant('delete' as const), which: fc.nat(3) }),
  // Another phone of the same person edits only the last two records, so the first two have one author.
  fc.record({ do: fc.constant('other-phone-saves' as const), which: fc.integer({ min: 2, max: 3 }), mood: fc.constantFrom<Checkin['mood']>(1, 2, 3, 4, 5) }),
  fc.record({ do: fc.constant('sync' as const), network: fc.constantFrom<'ok' | 'offline' | 'server-error' | 'answer-lost'>('ok', 'offline', 'server-error', 'answer-lost') }),
);

afterEach(() => vi.unstubAllGlobals());

describe('sync under random offline edits and failures', () => {
  it('loses nothing and ends with the phone and the server agreeing', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 20 }), async (steps) => {
        await db.open();
        await Promise.all(db.tables.map((t) => t.clear()));
        const server = new FakeSyncServer();
        let mode: 'ok' | 'offline' | 'server-error' | 'answer-lost' = 'ok';
        vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
          const isPush = urlOf(input).includes('/sync/push');
          if (mode === 'offline') throw new TypeError('offline');
          if (mode === 'server-error' && isPush) server.failNextPush = 500;
          const response = await server.fetch(input, init);
          if (mode === 'answer-lost' && isPush) throw new TypeError('connection dropped');
          return response;
        });

        const expected = new Map<string, Checkin['mood']>();
        for (const s of steps) {
          const id = IDS['which' in s ? s.which : 0];
          if (s.do === 'save') {
            const now = new Date().toISOString();
            await saveRecord('checkin', { id, at: now, mood: s.mood, hard: [], good: [], feelings: [], note: '', sharedWithPa: false, updatedAt: now });
            expected.set(id, s.mood);
          } else if (s.do === 'delete') {
            await deleteRecord('checkin', id);
            expected.delete(id);
          } else if (s.do === 'other-phone-saves') {
            const now = new Date().toISOString();
            server.addChange('checkin', id, { id, at: now, mood: s.mood, hard: [], good: [], feelings: [], note: '', sharedWithPa: false, updatedAt: now });
          } else {
            mode = s.network;
            await syncNow();
          }
          // Whatever the network did, the phone shows exactly what the person did on it...
          const local = new Map((await db.checkins.toArray()).map((c) => [c.id, c.mood]));
          for (const only of IDS.slice(0, 2)) expect(local.get(only)).toEqual(expected.get(only));
          // ...and a change not yet sent is never hidden by what was pulled from the other phone.
          const pending = new Map((await db.outbox.orderBy('seq').toArray()).map((e) => [e.id, e]));
          for (const [pid, entry] of pending) expect(local.get(pid)).toEqual(entry.op === 'delete' ? undefined : (entry.record as Checkin).mood);
        }

        mode = 'ok';
        expect(await syncNow()).toBe('ok');
        expect(await db.outbox.count()).toBe(0);
        const onServer = new Map(server.changes.filter((c) => !c.deleted).map((c) => [c.id, (c.record as Checkin).mood]));
        for (const only of IDS.slice(0, 2)) expect(onServer.get(only)).toEqual(expected.get(only));
        expect(new Map((await db.checkins.toArray()).map((c) => [c.id, c.mood]))).toEqual(onServer);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
