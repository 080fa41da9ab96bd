// Device tokens and link codes: random from node:crypto, stored only as SHA-256 hashes.
import { createHash, randomBytes, randomInt } from 'node:crypto';

import { groupCode, READABLE_ALPHABET } from '../../shared/readableCode.ts';

/** 256 random bits, base64url (43 characters). */
export function newDeviceToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** `length` characters of `alphabet`, each drawn evenly (randomInt, never a byte modulo the length, which skews). */
export function randomCode(length: number, alphabet = READABLE_ALPHABET): string {
  let code = '';
  for (let i = 0; i < length; i++) code += alphabet[randomInt(alphabet.length)];
  return code;
}

/** A second phone's one-time link code like "7KQ4-9XMP-R2"; about 50 bits, so guessing within its lifetime is hopeless. */
export const newLinkCode = () => groupCode(randomCode(10), 4);

/** A PA's pairing code like "7KQ-49X": short, because it is read out, used once and expires within days. */
export const newPairingCode = () => groupCode(randomCode(6), 3);

/** A recovery code in five groups, e.g. "7KQ4-9XMP-R2HT-WB3N-6DCF": about 98 bits. */
export const newRecoveryCode = () => groupCode(randomCode(20), 4);
