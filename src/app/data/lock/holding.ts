// What the server sends while the phone is locked is kept sealed to the lock's public key, so it can be stored without
// the data key and opened only after the PIN. The key pair is made when the PIN is turned on: the public half is kept
// in plain beside the wrapped data key (it can seal, never open); the private half is stored sealed under the data key.
// Each held page gets its own one-off ECDH key pair (ECIES): ECDH P-256 → HKDF-SHA-256 → AES-GCM.
import { type Bytes, sealJson, unsealJson } from './crypto.ts';

const CURVE = { name: 'ECDH', namedCurve: 'P-256' } as const;
const INFO = new TextEncoder().encode('care-leaver-app held while locked v1');

/** One held page as stored: the one-off public key it was sealed with, and the ciphertext. */
export type HeldPage = { n?: number; from: Bytes; sealed: Bytes };

export async function newHoldingKeys(): Promise<{ publicJwk: JsonWebKey; privateJwk: JsonWebKey }> {
  const pair = await crypto.subtle.generateKey(CURVE, true, ['deriveBits']);
  return { publicJwk: await crypto.subtle.exportKey('jwk', pair.publicKey), privateJwk: await crypto.subtle.exportKey('jwk', pair.privateKey) };
}

async function aesKey(own: CryptoKey, their: CryptoKey, usage: 'encrypt' | 'decrypt'): Promise<CryptoKey> {
  const shared = await crypto.subtle.deriveBits({ name: 'ECDH', public: their }, own, 256);
  const hkdf = await crypto.subtle.importKey('raw', shared, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(32), info: INFO }, hkdf, { name: 'AES-GCM', length: 256 }, false, [usage]);
}

/** Seals `value` so that only the private half of `publicJwk` opens it. */
export async function sealForHolding(publicJwk: JsonWebKey, value: unknown): Promise<HeldPage> {
  const lockPublic = await crypto.subtle.importKey('jwk', publicJwk, CURVE, false, []);
  const once = await crypto.subtle.generateKey(CURVE, false, ['deriveBits']);
  const sealed = await sealJson(await aesKey(once.privateKey, lockPublic, 'encrypt'), value);
  return { from: new Uint8Array(await crypto.subtle.exportKey('raw', once.publicKey)), sealed };
}

/** Opens what `sealForHolding` sealed; rejects if it was changed or sealed to another key. */
export async function openHeld<T>(privateJwk: JsonWebKey, held: HeldPage): Promise<T> {
  const lockPrivate = await crypto.subtle.importKey('jwk', privateJwk, CURVE, false, ['deriveBits']);
  const from = await crypto.subtle.importKey('raw', held.from, CURVE, false, []);
  return unsealJson<T>(await aesKey(lockPrivate, from, 'decrypt'), held.sealed);
}
