// The PIN lock's crypto and the database middleware, on fake-indexeddb: what is stored is unreadable without the PIN,
// what the app reads is unchanged, and wrong PINs are counted and slowed.
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { db } from '../../../src/app/data/db.ts';
import { newDataKey, pinKeyFrom, seal, unseal, unwrapDataKey } from '../../../src/app/data/lock/crypto.ts';
import { newKdfParams, stretchPin } from '../../../src/app/data/lock/kdf.ts';
import { LockedError, lockState, setLockState } from '../../../src/app/data/lock/lockState.ts';
import { ATTEMPTS_BEFORE_RESTORE, lockNow, readAttempts, turnOffPin, turnOnPin, unlock, waitAfter } from '../../../src/app/data/lock/pinLock.ts';
import { saveRecord } from '../../../src/app/data/records.ts';
import { rememberedPlace, rememberPlace } from '../../../src/app/features/directory/place.ts';
import { readDraft, writeDraft } from '../../../src/app/ui/draft.ts';
import type { Checkin } from '../../../src/shared/checkins.ts';
import { aCheckin } from '../../builders/checkin.ts';

const NOTE = 'Example note: argued with my housemate about the kitchen';

const checkin = (note = NOTE): Checkin => aCheckin({ mood: 2, hard: ['money'], note, sharedWithPa: true });

/** The database as stored, read past the app's middleware. */
async function rawRows(table: string): Promise<unknown[]> {
  const raw = new Dexie(db.name);
  await raw.open();
  try {
    return await raw.table(table).toArray();
  } finally {
    raw.close();
  }
}

const rawText = async (table: string) => JSON.stringify(await rawRows(table), (_k, v: unknown) => (v instanceof Uint8Array ? [...v] : v));

beforeEach(async () => {
  setLockState({ mode: 'off' });
  await db.open();
  await Promise.all(db.tables.map((t) => t.clear()));
  sessionStorage.clear();
  localStorage.clear();
});

afterEach(() => setLockState({ mode: 'off' }));

describe('crypto', () => {
  it('opens what it sealed, and refuses a changed ciphertext or another key', async () => {
    const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    const other = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    const sealed = await seal(key, new TextEncoder().encode(NOTE));
    expect(new TextDecoder().decode(await unseal(key, sealed))).toBe(NOTE);
    await expect(unseal(other, sealed)).rejects.toThrow();
    const changed = sealed.slice();
    changed[20] ^= 1;
    await expect(unseal(key, changed)).rejects.toThrow();
  });

  it('keeps the data key non-extractable and unwraps it only with the same PIN', async () => {
    const kdf = newKdfParams();
    const pinKey = await pinKeyFrom(await stretchPin('246810', kdf));
    const { key, wrapped } = await newDataKey(pinKey);
    expect(key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
    const again = await unwrapDataKey(await pinKeyFrom(await stretchPin('246810', kdf)), wrapped);
    const sealed = await seal(key, new Uint8Array([1, 2, 3]));
    expect([...(await unseal(again, sealed))]).toEqual([1, 2, 3]);
    await expect(unwrapDataKey(await pinKeyFrom(await stretchPin('246811', kdf)), wrapped)).rejects.toThrow();
  });
});

describe('encryption at rest', () => {
  it('seals records already on the phone when the PIN is turned on, and the app still reads them', async () => {
    const before = checkin();
    await saveRecord('checkin', before);
    expect(await rawText('checkins')).toContain('housemate');
    await turnOnPin('135790');
    for (const table of ['checkins', 'outbox']) expect(await rawText(table)).not.toContain('housemate');
    // Keys and indexed fields stay readable (IndexedDB needs them); everything else is in one sealed field.
    const [row] = (await rawRows('checkins')) as Record<string, unknown>[];
    expect(Object.keys(row).sort()).toEqual(['at', 'id', 'sealed']);
    expect(await db.checkins.get(before.id)).toEqual(before);
  });

  it('seals new writes, in the same transaction as their outbox entry, and reads them back through a filter', async () => {
    await turnOnPin('135790');
    const made = checkin();
    await saveRecord('checkin', made);
    expect(await rawText('checkins')).not.toContain('housemate');
    const outbox = (await rawRows('outbox')) as Record<string, unknown>[];
    expect(outbox).toHaveLength(1);
    expect(Object.keys(outbox[0]).sort()).toEqual(['id', 'kind', 'sealed', 'seq']);
    expect(await db.checkins.filter((c) => c.sharedWithPa).toArray()).toEqual([made]);
    expect((await db.outbox.toArray())[0].record).toEqual(made);
  });

  it('seals the device token in meta but keeps the lock itself readable', async () => {
    await db.meta.put({ key: 'device', value: { deviceId: 'example-device', token: 'example-secret-token' } });
    await turnOnPin('135790');
    const meta = await rawText('meta');
    expect(meta).not.toContain('example-secret-token');
    expect(meta).toContain('pinLock');
    expect((await db.meta.get('device'))?.value).toEqual({ deviceId: 'example-device', token: 'example-secret-token' });
  });

  it('reads and writes nothing personal while locked, and everything again after unlock', async () => {
    const made = checkin();
    await saveRecord('checkin', made);
    await turnOnPin('135790');
    await lockNow();
    await expect(db.checkins.get(made.id)).rejects.toBeInstanceOf(LockedError);
    await expect(saveRecord('checkin', checkin())).rejects.toBeInstanceOf(LockedError);
    expect((await unlock('135790')).result).toBe('unlocked');
    expect(await db.checkins.toArray()).toEqual([made]);
  });

  it('seals which service a saved place is (no index keeps it readable), and still finds it', async () => {
    await saveRecord('favourite', { id: crypto.randomUUID(), serviceId: 'example-service-0042', savedAt: new Date().toISOString() });
    expect(await rawText('favourites')).toContain('example-service-0042');
    await turnOnPin('135790');
    expect(await rawText('favourites')).not.toContain('example-service-0042');
    expect((await db.favourites.filter((f) => f.serviceId === 'example-service-0042').toArray())).toHaveLength(1);
  });

  it('turns off only with the right PIN, and then stores everything in plain again', async () => {
    const made = checkin();
    await saveRecord('checkin', made);
    await turnOnPin('135790');
    expect(await turnOffPin('000000')).toBe(false);
    expect(await rawText('checkins')).not.toContain('housemate');
    expect(await turnOffPin('135790')).toBe(true);
    expect(lockState().mode).toBe('off');
    expect(await rawText('checkins')).toContain('housemate');
    expect(await db.checkins.get(made.id)).toEqual(made);
    expect(await db.meta.get('pinLock')).toBeUndefined();
  });
});

describe('drafts and the saved place', () => {
  it('are sealed in storage while the PIN is on, readable while unlocked and gone from memory when locked', async () => {
    writeDraft('today', { note: NOTE });
    rememberPlace({ lat: 51.5, lng: -0.1, label: 'Example Street' });
    await turnOnPin('135790');
    expect(JSON.stringify({ ...sessionStorage })).not.toContain('housemate');
    expect(JSON.stringify({ ...localStorage })).not.toContain('Example Street');
    expect(readDraft('today')).toEqual({ note: NOTE });
    writeDraft('other', { note: 'Example second draft about the kitchen' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(JSON.stringify({ ...sessionStorage })).not.toContain('kitchen');
    await lockNow();
    expect(readDraft('today')).toBeUndefined();
    expect(rememberedPlace()).toBeUndefined();
    await unlock('135790');
    expect(readDraft('other')).toEqual({ note: 'Example second draft about the kitchen' });
    expect(rememberedPlace()?.label).toBe('Example Street');
  });
});

// Each PIN tried costs an Argon2id run (a few hundred ms here), so these take longer than the default 5 s.
describe('wrong PINs', { timeout: 60_000 }, () => {
  it('wait longer and longer after the first three', () => {
    expect([1, 2, 3, 4, 5, 6].map(waitAfter)).toEqual([0, 0, 5_000, 10_000, 20_000, 40_000]);
    expect(waitAfter(40)).toBe(15 * 60_000);
  });

  it('are counted in the database, make the next try wait, and after many offer the backup instead', async () => {
    await turnOnPin('135790');
    await lockNow();
    for (let i = 1; i <= 3; i++) expect(await unlock('111111')).toMatchObject({ result: 'wrong', failed: i });
    expect((await readAttempts()).waitUntil).toBeDefined();
    // Even the right PIN is not tried during the wait.
    expect((await unlock('135790')).result).toBe('wait');
    expect(lockState().mode).toBe('locked');
    // Later (the clock moved past each wait), wrong PINs run out.
    let outcome;
    for (let i = 4; i <= ATTEMPTS_BEFORE_RESTORE; i++) {
      const { waitUntil } = await readAttempts();
      outcome = await unlock('111111', waitUntil ? Date.parse(waitUntil) + 1 : Date.now());
    }
    expect(outcome).toEqual({ result: 'restore' });
    expect((await unlock('135790', Date.now() + 60 * 60_000)).result).toBe('restore');
  });

  it('start again from nothing after the right PIN', async () => {
    await turnOnPin('135790');
    await lockNow();
    await unlock('111111');
    expect((await unlock('135790')).result).toBe('unlocked');
    expect((await readAttempts()).failed).toBe(0);
  });
});
