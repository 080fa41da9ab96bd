// A push names the one field that is wrong, so a client developer can fix it; what passes is the record as stored.
import { describe, expect, it } from 'vitest';

import { pushRequestSchema } from '../../../src/shared/sync.ts';

const deviceId = '0b4f7a52-3c1d-4e8f-a6b9-5d2c8e1f7a34';
const id = '6f1c2b0e-8a4d-4c1e-9f3a-2b7d5e8c1a90';
const at = '2026-11-20T10:00:00.000Z';
const moodOnly = { id, at, mood: 3, updatedAt: at };
const put = (changes: Record<string, unknown> = {}) => ({ seq: 1, kind: 'checkin', op: 'put', id, record: moodOnly, clientTime: at, ...changes });
const pushOf = (...mutations: unknown[]) => ({ deviceId, mutations });

/** The first problem's field and message, as the server's 400 reports it. */
function firstProblem(body: unknown) {
  const result = pushRequestSchema.safeParse(body);
  if (result.success) return 'accepted';
  const issue = result.error.issues[0];
  return { field: issue.path.join('.'), message: issue.message };
}

describe('a push', () => {
  it('gives back each put record as its schema reads it, defaults filled', () => {
    const parsed = pushRequestSchema.parse(pushOf(put()));
    expect(parsed.mutations[0]).toMatchObject({ op: 'put', kind: 'checkin', record: { ...moodOnly, hard: [], good: [], feelings: [], note: '', sharedWithPa: false } });
  });

  it('accepts a delete without a record, and refuses one with a record at that field', () => {
    const { record: _record, ...deleteMutation } = put({ op: 'delete' });
    expect(pushRequestSchema.parse(pushOf(deleteMutation)).mutations[0]).toEqual(deleteMutation);
    expect(firstProblem(pushOf(put({ op: 'delete' })))).toEqual({ field: 'mutations.0.record', message: 'A delete carries no record' });
  });

  it('names an unknown op or kind and says which are allowed', () => {
    expect(firstProblem(pushOf(put({ op: 'upsert' })))).toEqual({ field: 'mutations.0.op', message: 'op must be one of: put, delete' });
    expect(firstProblem(pushOf(put({ op: undefined })))).toEqual({ field: 'mutations.0.op', message: 'op must be one of: put, delete' });
    expect(firstProblem(pushOf(put({ kind: 'service' })))).toEqual({ field: 'mutations.0.kind', message: 'kind must be one of: checkin, ons4, appointment, paRequest, favourite, safetyPlan, goal' });
  });

  it('checks a put record against its own kind, to the field', () => {
    expect(firstProblem(pushOf(put({ record: { ...moodOnly, mood: 9 } })))).toMatchObject({ field: 'mutations.0.record.mood' });
    expect(firstProblem(pushOf(put({ kind: 'ons4' })))).toMatchObject({ field: 'mutations.0.record.life' });
    expect(firstProblem(pushOf(put({ record: undefined })))).toMatchObject({ field: 'mutations.0.record' });
  });

  it('refuses a record whose id is not the mutation id, and a seq that does not rise by one', () => {
    expect(firstProblem(pushOf(put({ record: { ...moodOnly, id: deviceId } })))).toEqual({ field: 'mutations.0.record.id', message: 'record.id must equal id' });
    expect(firstProblem(pushOf(put(), put({ seq: 3 })))).toEqual({ field: 'mutations.1.seq', message: 'seq must rise by one each mutation' });
  });

  it('names unexpected fields and non-object mutations', () => {
    expect(firstProblem(pushOf(put({ extra: 1 })))).toEqual({ field: 'mutations.0', message: 'Unrecognized key: "extra"' });
    expect(firstProblem(pushOf(5))).toMatchObject({ field: 'mutations.0' });
  });
});
