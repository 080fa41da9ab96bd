// The phone's own database: the source of truth for everything the young person sees.
// Its schema is one versioned block (see the constructor for how to change it).
import Dexie, { type EntityTable } from 'dexie';

import type { Appointment } from '../../shared/appointments/schema.ts';
import type { Checkin } from '../../shared/checkins.ts';
import type { Favourite, SafetyPlan } from '../../shared/directory/personal.ts';
import type { DirectoryService } from '../../shared/directory/types.ts';
import type { Ons4 } from '../../shared/ons4.ts';
import type { Goal } from '../../shared/plan/goals.ts';
import type { PaRequestRecord } from '../../shared/sharing/schemas.ts';
import type { Kind } from '../../shared/sync.ts';
import { encryptAtRest } from './lock/encryptAtRest.ts';
import type { HeldPage } from './lock/holding.ts';

/** A local change waiting to reach the server. `seq` is this device's mutation number (1, 2, 3…). */
export type OutboxEntry = {
  seq?: number;
  kind: Kind;
  op: 'put' | 'delete';
  id: string;
  record?: Record<string, unknown>;
  clientTime: string;
};

/** Release 4's separate share queue, read once by the version 5 upgrade (which moves what waits into the outbox). */
type ShareQueueEntry = { n?: number; action: 'share' | 'unshare'; id: string; body?: Record<string, unknown> };

/**
 * A change the server refused (400/403 naming it): set aside so it never blocks the rest, and shown in Settings.
 * @internal exported for its tests (knip --production)
 */
export type RefusedChange = { n?: number; kind: Kind; op: 'put' | 'delete'; id: string; clientTime: string; refusedAt: string };

/**
 * Small key/value facts about this phone: device identity, sync cursor, chosen language, flags.
 * @internal exported for its tests (knip --production)
 */
export type MetaEntry = { key: string; value: unknown };

/** @internal exported for its tests (knip --production) */
export class AppDatabase extends Dexie {
  checkins!: EntityTable<Checkin, 'id'>;
  ons4!: EntityTable<Ons4, 'id'>;
  appointments!: EntityTable<Appointment, 'id'>;
  services!: EntityTable<DirectoryService, 'id'>;
  favourites!: EntityTable<Favourite, 'id'>;
  safetyPlan!: EntityTable<SafetyPlan, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'seq'>;
  meta!: EntityTable<MetaEntry, 'key'>;
  paRequests!: EntityTable<PaRequestRecord, 'id'>;
  refusedChanges!: EntityTable<RefusedChange, 'n'>;
  goals!: EntityTable<Goal, 'id'>;
  heldWhileLocked!: EntityTable<HeldPage, 'n'>;

  constructor(name = 'care-leaver-app') {
    super(name);
    // With a PIN on, every personal table is sealed at rest (lock/encryptAtRest.ts); new tables are too, by default.
    this.use(encryptAtRest);
    // The whole current schema in one block. Dexie works out what a phone on an older version lacks (tables added
    // by v2 directory, v3 appointments, v4 sharing) and adds it, so older blocks are kept only when they carry an
    // .upgrade() that rewrites data; none has yet. Parsing every old block again cost the first screen time.
    // To change the schema: edit this block and raise its number; add a separate, later block with .upgrade()
    // only when existing records must be rewritten.
    this.version(4).stores({
      checkins: 'id, at',
      ons4: 'id, at',
      outbox: '++seq, [kind+id]',
      meta: 'key',
      // Directory (see src/shared/directory). Favourites and the safety plan are backed up (v6 below), never shared.
      services: 'id',
      favourites: 'id',
      safetyPlan: 'id',
      // Appointments (see src/shared/appointments).
      appointments: 'id, startsAt',
      // Release 4's share queue; version 5 below empties it into the outbox and removes it.
      shareQueue: '++n',
    });
    // Sharing rides the one outbox: a share is the record's own flag, a request to the PA is a synced `paRequest`.
    // Anything still waiting in the old share queue is moved into the outbox, in order, then the queue is dropped.
    this.version(5).stores({ shareQueue: null, paRequests: 'id, at' }).upgrade(async (tx) => {
      const waiting = (await tx.table('shareQueue').orderBy('n').toArray()) as ShareQueueEntry[];
      const clientTime = new Date().toISOString();
      for (const entry of waiting) {
        const body = entry.body;
        // A shared check-in's flag was already saved (and queued to sync) with the record; only requests move.
        if (entry.action === 'share' && body?.kind === 'request') {
          const { kind: _kind, ...request } = body;
          const record = { ...request, about: request.about ?? '', updatedAt: clientTime } as unknown as PaRequestRecord;
          await tx.table('paRequests').put(record);
          await tx.table('outbox').add({ kind: 'paRequest', op: 'put', id: record.id, record: { ...record }, clientTime });
        } else if (entry.action === 'unshare' && await tx.table('paRequests').get(entry.id)) {
          await tx.table('paRequests').delete(entry.id);
          await tx.table('outbox').add({ kind: 'paRequest', op: 'delete', id: entry.id, clientTime });
        }
      }
    });
    // Version 6 rewrites records, so it is its own block. Saved places and the safety plan are backed up now, so
    // each needs an id no one else's record has (favourites were keyed by the service, the plan was 'mine');
    // what the phone already holds is queued for its first backup. Refused changes get their own table.
    this.version(6).stores({ favourites: 'id, serviceId', refusedChanges: '++n' }).upgrade(async (tx) => {
      const clientTime = new Date().toISOString();
      const favourites = tx.table('favourites');
      const old = (await favourites.toArray()) as { id: string; serviceId?: string; savedAt: string }[];
      const saved = old.filter((f) => f.serviceId === undefined).map((f) => ({ id: crypto.randomUUID(), serviceId: f.id, savedAt: f.savedAt }));
      await favourites.bulkDelete(old.filter((f) => f.serviceId === undefined).map((f) => f.id));
      await favourites.bulkAdd(saved);
      const plans = tx.table('safetyPlan');
      const mine = (await plans.get('mine')) as SafetyPlan | undefined;
      const plan = mine ? { ...mine, id: crypto.randomUUID() } : undefined;
      if (plan) {
        await plans.delete('mine');
        await plans.add(plan);
      }
      await tx.table('outbox').bulkAdd([
        ...saved.map((record) => ({ kind: 'favourite', op: 'put', id: record.id, record, clientTime })),
        ...(plan ? [{ kind: 'safetyPlan', op: 'put', id: plan.id, record: plan, clientTime }] : []),
      ]);
    });
    // Version 7 adds tables only (no .upgrade()):
    //   goals — "My plan" (src/shared/plan), kind `goal`, synced and shareable goal by goal.
    this.version(7).stores({ goals: 'id' });
    // Version 8 changes tables only (no .upgrade(): with a PIN on, the phone opens locked and could not read them):
    //   heldWhileLocked — pages pulled while locked, sealed to the lock's public key (lock/holding.ts), merged at unlock;
    //   favourites lose their serviceId index, so which service each saved place is is sealed too (rows saved sealed
    //   before this are sealed again at the next unlock: lock/pinLock.ts).
    this.version(8).stores({ favourites: 'id', heldWhileLocked: '++n' });
  }
}

export const db = new AppDatabase();

/** Which Dexie table holds each kind of synced record. Features add their kinds here. */
export const tableForKind: Partial<Record<Kind, string>> = {
  checkin: 'checkins',
  ons4: 'ons4',
  appointment: 'appointments',
  paRequest: 'paRequests',
  service: 'services',
  favourite: 'favourites',
  safetyPlan: 'safetyPlan',
  goal: 'goals',
};
