// Staff passwords: scrypt from node:crypto with a random salt; only the hash is stored.
import { randomBytes, scrypt, type ScryptOptions, timingSafeEqual } from 'node:crypto';

import { randomCode } from '../auth/tokens.ts';

const PARAMS = { N: 16384, r: 8, p: 1 };
const KEY_LENGTH = 64;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => scrypt(password, salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key))));
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, PARAMS);
  return `scrypt$${PARAMS.N}$${PARAMS.r}$${PARAMS.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

// Checked against when the email is unknown, so a wrong email takes as long as a wrong password.
const DUMMY = hashPassword(randomBytes(12).toString('base64'));
export async function verifyAgainstNobody(password: string): Promise<false> {
  await verifyPassword(password, await DUMMY);
  return false;
}

/** A one-time password for a new account: 16 readable characters, about 80 bits. */
export function newOneTimePassword(): string {
  return randomCode(16, '23456789abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTVWXYZ');
}
