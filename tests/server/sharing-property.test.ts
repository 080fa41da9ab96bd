// Property (issue 10, Done means 2; goals from My plan, issue 18): over random share, edit, unshare, delete, request, disconnect, reconnect, offline
// and online steps, once the phone has synced the PA sees exactly the current version of what is currently shared,
// and nothing else (no other PA sees anything of it). The phone is modelled as the app behaves: sharing is a flag on
// the synced record, a request is a synced record, disconnecting clears the flags and withdraws the requests.
// Against the real server (in this process) on SQLite and PostgreSQL.
import { randomUUID } from 'node:crypto';

import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';

import type { Checkin } from '../../src/shared/checkins.ts';
import type { Goal } from '../../src/shared/plan/goals.ts';
import { paCopyOf } from '../../src/shared/sharing/paCopy.ts';
import type { PaRequestRecord } from '../../src/shared/sharing/schemas.ts';
import type { Mutation } from '../../src/shared/sync.ts';
import { type Device, registerDevice } from './helpers/api.ts';
import { DIALECTS } from './helpers/databases.ts';
import { serverForBlock } from './helpers/server.ts';
import { asPhone, asStaff, pairingCode, signedInStaff, type Staff } from './sharing-helpers.ts';

const SLOTS = 3;
const slot = fc.nat(SLOTS - 1);
const mood = fc.constantFrom<Checkin['mood']>(1, 2, 3, 4, 5);
const commandArb = fc.oneof(
  { weight: 3, arbitrary: fc.record({ type: fc.constant('create' as const), slot, mood }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('share' as const), slot, withNote: fc.boolean() }) },
  { weight: 3, arbitrary: fc.record({ type: fc.constant('edit' as const), slot, mood, note: fc.constantFrom('', 'example note', 'another example') }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('unshare' as const), slot }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('delete' as const), slot }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('request' as const), request: fc.constantFrom('call-me' as const, 'cant-make-it' as const) }) },
  // Goals of My plan: shared goal by goal like check-ins; every step added or ticked is a new version of the copy.
  { weight: 2, arbitrary: fc.record({ type: fc.constant('goalCreate' as const), slot }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('goalShare' as const), slot, shared: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('goalStep' as const), slot, tick: fc.boolean(), text: fc.constantFrom('Example step', 'Another example step') }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('goalDelete' as const), slot }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('disconnect' as const) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('reconnect' as const) }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('offline' as const) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('online' as const) }) },
);
type Command = typeof commandArb extends fc.Arbitrary<infer C> ? C : never;

/** The phone: its records, its one outbox, whether it has signal, and which PA it is connected to. */
class SharingPhone {
  checkins = new Map<string, Checkin>();
  requests = new Map<string, PaRequestRecord>();
  slots: string[] = Array.from({ length: SLOTS }, () => randomUUID());
  goals = new Map<string, Goal>();
  goalSlots: string[] = Array.from({ length: SLOTS }, () => randomUUID());
  outbox: Mutation[] = [];
  seq = 1;
  online = true;
  pa: Staff | null = null;
  clock = Date.parse('2026-11-20T09:00:00.000Z');

  constructor(private readonly app: FastifyInstance, readonly device: Device) {}

  private now(): string {
    this.clock += 1000;
    return new Date(this.clock).toISOString();
  }

  private save(record: Checkin): void {
    this.checkins.set(record.id, record);
    this.outbox.push({ seq: this.seq++, kind: 'checkin', op: 'put', id: record.id, record, clientTime: record.updatedAt });
  }

  private saveGoal(goal: Goal): void {
    this.goals.set(goal.id, goal);
    this.outbox.push({ seq: this.seq++, kind: 'goal', op: 'put', id: goal.id, record: goal, clientTime: goal.updatedAt });
  }

  private remove(kind: 'checkin' | 'paRequest' | 'goal', id: string): void {
    if (kind === 'checkin') this.checkins.delete(id);
    else if (kind === 'goal') this.goals.delete(id);
    else this.requests.delete(id);
    this.outbox.push({ seq: this.seq++, kind, op: 'delete', id, clientTime: this.now() });
  }

  async sync(): Promise<void> {
    if (!this.online || this.outbox.length === 0) return;
    const res = await asPhone(this.app, this.device, { method: 'POST', url: '/api/v1/sync/push', payload: { deviceId: this.device.deviceId, mutations: this.outbox } });
    expect(res.statusCode, res.body).toBe(200);
    const { lastSeq } = res.json<{ lastSeq: number }>();
    this.outbox = this.outbox.filter((m) => m.seq > lastSeq);
  }

  async run(c: Command, newPa: () => Promise<Staff>): Promise<void> {
    const id = 'slot' in c ? this.slots[c.slot] : '';
    const existing = this.checkins.get(id);
    const goalId = 'slot' in c ? this.goalSlots[c.slot] : '';
    const goal = this.goals.get(goalId);
    switch (c.type) {
      case 'goalCreate': {
        if (goal) return;
        const at = this.now();
        this.saveGoal({ id: goalId, text: 'Example goal', area: 'home', onHold: false, steps: [], sharedWithPa: false, createdAt: at, updatedAt: at });
        return;
      }
      case 'goalShare':
        if (goal && (this.pa || !c.shared)) this.saveGoal({ ...goal, sharedWithPa: c.shared, updatedAt: this.now() });
        return;
      case 'goalStep': {
        if (!goal) return;
        const next = goal.steps.find((step) => !step.doneAt);
        const at = this.now();
        const steps = c.tick && next ? goal.steps.map((step) => (step === next ? { ...step, doneAt: at } : step))
          : [...goal.steps, { id: randomUUID(), text: c.text, due: '2026-12-01' }];
        this.saveGoal({ ...goal, steps, updatedAt: at });
        return;
      }
      case 'goalDelete':
        if (goal) {
          this.remove('goal', goalId);
          this.goalSlots[c.slot] = randomUUID();
        }
        return;
      case 'create': {
        if (existing) return;
        const at = this.now();
        this.save({ id, at, mood: c.mood, hard: ['safety'], good: [], feelings: [], note: 'example private note', sharedWithPa: false, updatedAt: at });
        return;
      }
      // The share control shows only while connected.
      case 'share':
        if (existing && this.pa) this.save({ ...existing, sharedWithPa: true, shareNote: c.withNote, updatedAt: this.now() });
        return;
      case 'edit':
        if (existing) this.save({ ...existing, mood: c.mood, note: c.note, updatedAt: this.now() });
        return;
      case 'unshare':
        if (existing?.sharedWithPa) this.save({ ...existing, sharedWithPa: false, updatedAt: this.now() });
        return;
      case 'delete':
        if (existing) {
          this.remove('checkin', id);
          this.slots[c.slot] = randomUUID();
        }
        return;
      case 'request': {
        if (!this.pa) return;
        const at = this.now();
        const record: PaRequestRecord = { id: randomUUID(), request: c.request, about: '', at, updatedAt: at };
        this.requests.set(record.id, record);
        this.outbox.push({ seq: this.seq++, kind: 'paRequest', op: 'put', id: record.id, record, clientTime: at });
        return;
      }
      case 'disconnect': {
        if (!this.online || !this.pa) return;
        expect((await asPhone(this.app, this.device, { method: 'DELETE', url: '/api/v1/my-pa' })).statusCode).toBe(200);
        this.pa = null;
        // As clearLocalShareFlags does on the phone.
        for (const record of [...this.checkins.values()]) if (record.sharedWithPa) this.save({ ...record, sharedWithPa: false, updatedAt: this.now() });
        for (const goal of [...this.goals.values()]) if (goal.sharedWithPa) this.saveGoal({ ...goal, sharedWithPa: false, updatedAt: this.now() });
        for (const requestId of [...this.requests.keys()]) this.remove('paRequest', requestId);
        return;
      }
      case 'reconnect': {
        if (!this.online || this.pa) return;
        const pa = await newPa();
        const res = await asPhone(this.app, this.device, { method: 'POST', url: '/api/v1/my-pa/connect', payload: { code: await pairingCode(this.app, pa), name: 'Example Person' } });
        expect(res.statusCode, res.body).toBe(200);
        this.pa = pa;
        return;
      }
      case 'offline':
        this.online = false;
        return;
      case 'online':
        this.online = true;
        await this.sync();
        return;
    }
  }

  /** What the PA should see: the copy of every record shared now, and every request, while connected. */
  expectedCopies(): Map<string, unknown> {
    const expected = new Map<string, unknown>();
    if (!this.pa) return expected;
    for (const record of this.checkins.values()) {
      const copy = paCopyOf('checkin', record);
      if (copy) expected.set(record.id, copy);
    }
    for (const record of this.requests.values()) expected.set(record.id, paCopyOf('paRequest', record));
    for (const goal of this.goals.values()) {
      const copy = paCopyOf('goal', goal);
      if (copy) expected.set(goal.id, copy);
    }
    return expected;
  }
}

describe.each(DIALECTS)('what the PA sees follows what is shared now, on %s', (dialect) => {
  const server = serverForBlock(dialect);
  let app: FastifyInstance;
  beforeAll(() => {
    app = server.app;
  });

  it('after any sequence of steps and a sync, the PA sees exactly the current version of what is shared', async () => {
    await fc.assert(fc.asyncProperty(fc.array(commandArb, { minLength: 1, maxLength: 30 }), async (commands) => {
      const phone = new SharingPhone(app, await registerDevice(app));
      const pas: Staff[] = [];
      const newPa = async () => {
        const pa = await signedInStaff(app, 'pa', 'Example Council P');
        pas.push(pa);
        return pa;
      };
      await phone.run({ type: 'reconnect' }, newPa);
      for (const c of commands) await phone.run(c, newPa);
      await phone.run({ type: 'online' }, newPa);

      const db = app.store.db;
      const { person_id: personId } = await db.selectFrom('devices').select('person_id').where('id', '=', phone.device.deviceId).executeTakeFirstOrThrow();
      const expected = phone.expectedCopies();
      for (const pa of pas) {
        const res = await asStaff(app, pa, { method: 'GET', url: `/api/v1/pa/people/${personId}` });
        if (pa !== phone.pa) {
          expect(res.statusCode).toBe(404);
          continue;
        }
        const seen = new Map((res.json().shares as { id: string; data: unknown }[]).map((s) => [s.id, s.data]));
        expect(seen).toEqual(expected);
      }
      // Nothing of this person is kept for anyone else either.
      const rows = await db.selectFrom('shares').select(['id', 'pa_id']).where('person_id', '=', personId).execute();
      expect(rows.every((r) => r.pa_id === phone.pa?.id)).toBe(true);
      expect(rows.length).toBe(expected.size);
    }), { numRuns: 40 });
  });
});
