// Pairing, link and recovery codes: one alphabet, one way to read what was typed, and every character equally likely
// (a byte modulo 30 makes the first 16 characters 1.125 times as likely as the rest, a guesser's head start).
import { describe, expect, it } from 'vitest';

import { newLinkCode, newPairingCode, newRecoveryCode, randomCode } from '../../src/server/auth/tokens.ts';
import { newOneTimePassword } from '../../src/server/sharing/passwords.ts';
import { normaliseCode, READABLE_ALPHABET } from '../../src/shared/readableCode.ts';
import { pairingCodeSchema } from '../../src/shared/sharing/schemas.ts';

describe('readable codes', () => {
  it('are made in groups of the look-alike-free alphabet, and read back however they are typed', () => {
    const readable = new RegExp(`^[${READABLE_ALPHABET}-]+$`);
    for (let i = 0; i < 200; i++) {
      const [pairing, link, recovery] = [newPairingCode(), newLinkCode(), newRecoveryCode()];
      expect(pairing).toMatch(/^\w{3}-\w{3}$/);
      expect(link).toMatch(/^\w{4}-\w{4}-\w{2}$/);
      expect(recovery).toMatch(/^\w{4}(-\w{4}){4}$/);
      for (const code of [pairing, link, recovery]) {
        expect(code).toMatch(readable);
        const typed = ` ${code.toLowerCase().replaceAll('-', ' ')} `;
        expect(normaliseCode(typed)).toBe(code.replaceAll('-', ''));
      }
      expect(pairingCodeSchema.safeParse(pairing.toLowerCase().replace('-', '')).success).toBe(true);
    }
    expect(READABLE_ALPHABET).not.toMatch(/[01ILOU]/);
  });

  it('draws every character equally often (no modulo bias)', () => {
    const counts = new Map<string, number>();
    const draws = 300_000;
    for (const char of randomCode(draws)) counts.set(char, (counts.get(char) ?? 0) + 1);
    expect(counts.size).toBe(READABLE_ALPHABET.length);
    const expected = draws / READABLE_ALPHABET.length;
    // ±5% of 10,000 is about five standard deviations: a fair draw passes, the modulo skew (+8% / -6%) does not.
    for (const count of counts.values()) expect(Math.abs(count - expected) / expected).toBeLessThan(0.05);
  });

  it('makes one-time passwords of 16 characters from the same kind of even draw', () => {
    const password = newOneTimePassword();
    expect(password).toMatch(/^[2-9a-km-np-zA-HJ-NP-Z]{16}$/);
    expect(new Set(Array.from({ length: 50 }, newOneTimePassword)).size).toBe(50);
  });
});
