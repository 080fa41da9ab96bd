// Text people type must be stored the same on SQLite and PostgreSQL: NUL and lone surrogates are refused by the
// shared zod helper (on the phone, before saving) and by the server's door check, naming the field.
import { describe, expect, it } from 'vitest';

import { checkinSchema } from '../../../src/shared/checkins.ts';
import { connectSchema } from '../../../src/shared/sharing/schemas.ts';
import { findUnsafeText, isSafeText, safeText } from '../../../src/shared/text.ts';

describe('safe text', () => {
  it('refuses NUL and surrogates standing alone, keeps emoji and every other character', () => {
    for (const bad of ['\u0000', 'a\u0000b', '\ud800', 'x\udfff', '\udc00\ud800', 'cut emoji \ud83d']) expect(isSafeText(bad), JSON.stringify(bad)).toBe(false);
    for (const good of ['', 'hello', 'مرحبا', '😀 fine', '\u0001\ufffd\uffff', 'a\u200db']) expect(isSafeText(good), JSON.stringify(good)).toBe(true);
    expect(safeText().max(5).safeParse('ok').success).toBe(true);
    expect(safeText().safeParse('a\u0000').success).toBe(false);
  });

  it('finds the path of the first unsafe string, in values and in keys', () => {
    expect(findUnsafeText({ a: [1, 'ok', { b: 'x\ud800' }] })).toEqual(['a', 2, 'b']);
    expect(findUnsafeText({ ['k\u0000']: 1 })).toEqual(['k\u0000']);
    expect(findUnsafeText({ a: ['😀'], b: null, c: 3 })).toBeUndefined();
  });

  it('is what the shared schemas use for text people type, so the phone refuses it before saving', () => {
    const note = checkinSchema.safeParse({ id: '6f1c1e2a-7b3d-4c5e-9f10-111213141516', at: '2026-11-20T10:00:00.000Z', mood: 3, note: 'half an emoji \ud83d', updatedAt: '2026-11-20T10:00:00.000Z' });
    expect(note.success).toBe(false);
    expect(note.error?.issues[0].path).toEqual(['note']);
    expect(connectSchema.safeParse({ code: '7KQ49X', name: 'Sam\u0000' }).error?.issues[0].path).toEqual(['name']);
  });
});
