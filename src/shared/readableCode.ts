// Codes a person reads out or types on a phone: a PA's pairing code, a second phone's link code, the recovery code.
// One alphabet without look-alikes (no 0/O, 1/I/L, U) and one way to read what was typed, for all three: a code is
// made, stored (hashed) and claimed through these, so "7kq 49x", "7KQ49X" and "7KQ-49X" are always the same code.

export const READABLE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/** What a person typed, as the code it means: upper case, with spaces, dashes and other separators dropped. */
export function normaliseCode(typed: string): string {
  return typed.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

/** "7KQ49XMPR2" in groups of `size` joined by dashes ("7KQ4-9XMP-R2"), easier to read out. */
export function groupCode(raw: string, size: number): string {
  return raw.match(new RegExp(`.{1,${size}}`, 'g'))!.join('-');
}
