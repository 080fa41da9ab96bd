import { describe, expect, it } from 'vitest';

import { NOTE_MAX } from '../../../src/shared/checkinOptions.ts';
import { checkinSchema } from '../../../src/shared/checkins.ts';

const valid = {
  id: '0b7c4a2e-1f3d-4c5b-9a8e-2d6f1c3b4a5e',
  at: '2026-06-30T09:15:00+01:00',
  mood: 3,
  hard: ['money'],
  good: ['people'],
  feelings: ['tired', 'hopeful'],
  note: 'A long day',
  sharedWithPa: false,
  updatedAt: '2026-06-30T09:15:00+01:00',
};

const issuePaths = (input: unknown) => {
  const result = checkinSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.path.join('.'));
};

describe('check-in record', () => {
  it('accepts a full check-in with both hard and good parts of life', () => {
    expect(checkinSchema.parse(valid)).toEqual(valid);
  });

  it('accepts a mood alone and fills in the optional parts', () => {
    const { hard: _h, good: _g, feelings: _f, note: _n, sharedWithPa: _s, ...moodOnly } = valid;
    expect(checkinSchema.parse(moodOnly)).toMatchObject({ hard: [], good: [], feelings: [], note: '', sharedWithPa: false });
  });

  it('refuses a mood outside 1–5', () => {
    expect(issuePaths({ ...valid, mood: 0 })).toEqual(['mood']);
    expect(issuePaths({ ...valid, mood: 6 })).toEqual(['mood']);
    expect(issuePaths({ ...valid, mood: 2.5 })).toEqual(['mood']);
  });

  it('refuses a note longer than the limit', () => {
    expect(issuePaths({ ...valid, note: 'a'.repeat(NOTE_MAX) })).toEqual([]);
    expect(issuePaths({ ...valid, note: 'a'.repeat(NOTE_MAX + 1) })).toEqual(['note']);
  });

  it('refuses a part of life marked both hard and going well', () => {
    expect(issuePaths({ ...valid, hard: ['money'], good: ['money'] })).toEqual(['good']);
  });

  it('refuses unknown keys, areas and feelings', () => {
    expect(issuePaths({ ...valid, mood_text: 'fine' })).toEqual(['']);
    expect(issuePaths({ ...valid, hard: ['weather'] })).toEqual(['hard.0']);
    expect(issuePaths({ ...valid, feelings: ['elated'] })).toEqual(['feelings.0']);
  });

  it('refuses a missing or malformed id and time', () => {
    expect(issuePaths({ ...valid, id: 'not-a-uuid' })).toEqual(['id']);
    expect(issuePaths({ ...valid, at: 'yesterday' })).toEqual(['at']);
  });
});
