// The PIN becomes a key through Argon2id (memory-hard, so each guess costs memory as well as time). hash-wasm is
// loaded only here, when a PIN is set or entered, so a phone without a PIN never downloads it.

import type { Bytes } from './crypto.ts';

export type KdfParams = { name: 'argon2id'; memoryKiB: number; iterations: number; parallelism: number; salt: Bytes };

// Measured by tests/bench/pin.ts in Chromium with the CPU slowed 4× (a cheap phone), on a shared 2-core machine:
// 19 MiB and 5 passes took 0.99 s and 1.14 s there in two runs (2 passes: 0.51 s; 4: 0.79 s), so about a second per
// guess; unlock → Today with 730 check-ins then took 1.07–1.25 s (budget 1.5 s). 19 MiB is OWASP's Argon2id memory floor.
const KDF_MEMORY_KIB = 19 * 1024;
const KDF_ITERATIONS = 5;

export function newKdfParams(): KdfParams {
  return { name: 'argon2id', memoryKiB: KDF_MEMORY_KIB, iterations: KDF_ITERATIONS, parallelism: 1, salt: crypto.getRandomValues(new Uint8Array(16)) };
}

/** 32 bytes from the PIN under `params` (kept beside the wrapped key, so a later change of settings still unlocks). */
export async function stretchPin(pin: string, params: KdfParams): Promise<Bytes> {
  const { argon2id } = await import('hash-wasm');
  return new Uint8Array(await argon2id({
    password: pin,
    salt: params.salt,
    parallelism: params.parallelism,
    iterations: params.iterations,
    memorySize: params.memoryKiB,
    hashLength: 32,
    outputType: 'binary',
  }));
}
