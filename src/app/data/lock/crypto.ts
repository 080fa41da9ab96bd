// AES-GCM with the browser's own WebCrypto. The data key is random; the only copy that is ever stored is wrapped
// (encrypted) by a key made from the PIN, and the copy in memory is non-extractable: page code can use it, not read it.
const IV_BYTES = 12;
/** Bytes in an ordinary (not shared) buffer, as WebCrypto takes them. */
export type Bytes = Uint8Array<ArrayBuffer>;

/** A fresh random data key, wrapped by `pinKey`, and a non-extractable copy of it to use while unlocked. */
export async function newDataKey(pinKey: CryptoKey): Promise<{ key: CryptoKey; wrapped: Bytes }> {
  // Extractable only for the moment it takes to wrap it; this copy is dropped straight after.
  const once = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const wrapped = joinIv(iv, new Uint8Array(await crypto.subtle.wrapKey('raw', once, pinKey, { name: 'AES-GCM', iv })));
  return { key: await unwrapDataKey(pinKey, wrapped), wrapped };
}

/** The data key, non-extractable; rejects when `pinKey` came from a wrong PIN (AES-GCM's tag does not match). */
export async function unwrapDataKey(pinKey: CryptoKey, wrapped: Bytes): Promise<CryptoKey> {
  return crypto.subtle.unwrapKey('raw', wrapped.subarray(IV_BYTES), pinKey, { name: 'AES-GCM', iv: wrapped.subarray(0, IV_BYTES) },
    { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** The key that wraps the data key, from the PIN's Argon2id output; it can wrap and unwrap, nothing else. */
export function pinKeyFrom(kdfOutput: Bytes): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', kdfOutput, { name: 'AES-GCM' }, false, ['wrapKey', 'unwrapKey']);
}

/**
 * Encrypts bytes: a random 96-bit IV followed by the ciphertext and its tag.
 * @internal exported for its tests (knip --production)
 */
export async function seal(key: CryptoKey, plain: Bytes): Promise<Bytes> {
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  return joinIv(iv, new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain)));
}

/**
 * Decrypts what `seal` made; rejects if it was changed or made under another key.
 * @internal exported for its tests (knip --production)
 */
export async function unseal(key: CryptoKey, sealed: Bytes): Promise<Bytes> {
  return new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.subarray(0, IV_BYTES) }, key, sealed.subarray(IV_BYTES)));
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export const sealJson = (key: CryptoKey, value: unknown) => seal(key, encoder.encode(JSON.stringify(value)));
export const unsealJson = async <T>(key: CryptoKey, sealed: Bytes) => JSON.parse(decoder.decode(await unseal(key, sealed))) as T;
export const sealText = (key: CryptoKey, text: string) => seal(key, encoder.encode(text));
export const unsealText = async (key: CryptoKey, sealed: Bytes) => decoder.decode(await unseal(key, sealed));

function joinIv(iv: Bytes, body: Bytes): Bytes {
  const out = new Uint8Array(iv.length + body.length);
  out.set(iv);
  out.set(body, iv.length);
  return out;
}

export function toBase64(bytes: Bytes): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

export function fromBase64(text: string): Bytes {
  return Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
}
