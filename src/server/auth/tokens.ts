// Device tokens and link codes: random from node:crypto, stored only as SHA-256 hashes.
import { createHash, randomBytes, randomInt } from 'node:crypto';

/** 256 random bits, base64url (43 characters). */
export function newDeviceToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

// No 0/O, 1/I/L, U: easy to read out and type on a phone.
const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A one-time code like "7KQ4-9XMP-R2"; about 50 bits, so guessing within its lifetime is hopeless. */
export function newLinkCode(): string {
  let raw = '';
  for (let i = 0; i < 10; i++) raw += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}

/** Accepts codes typed in lower case, with or without dashes or spaces. */
export function normaliseLinkCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}
