// Sync while the PIN lock is locked, on fake-indexeddb and a fake server: the outbox leaves as the phone locks; while
// locked, server changes still arrive but are stored sealed to the lock's public key (no plaintext, no data key);
// at unlock they are in place before anything reads them; a page pulled again meanwhile is not applied twice.
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

import { db } from '../../../src/app/data/db.ts';
import { newHoldingKeys, openHeld, sealForHolding } from '../../../src/app/data/lock/holding.ts';
import { dataKey, LockedError, lockState, setLockState } from '../../../src/app/data/lock/lockState.ts';
import { lockNow, turnOnPin, unlock } from '../../../src/app/data/lock/pinLock.ts';
import { setBeforeLock } from '../../../src/app/data/lock/start.ts';
import { saveRecord } from '../../../src/app/data/records.ts';
import { mergeHeldPages, sendBeforeLock, syncNow } from '../../../src/app/sync/syncClient.ts';
import { forgetLockedSync } from '../../../src/app/sync/whileLocked.ts';
import type { Checkin } from '../../../src/shared/checkins.ts';
import { aCheckin } from '../../builders/checkin.ts';
import { FakeSyncServer } from './fakeServer.ts';

let server: FakeSyncServer;
const PIN = '135790';

const checkin = (note: string): Checkin => aCheckin({ note });

/** Every row of every table as stored, read past the app's middleware, bytes decoded as text. */
async function everythingStored(): Promise<string> {
  const raw = new Dexie(db.name);
  await raw.open();
  try {
    const dump: Record<string, unknown> = {};
    for (const table of raw.tables) dump[table.name] = await table.toArray();
    return JSON.stringify(dump, (_k, v: unknown) => (v instanceof Uint8Array ? new TextDecoder().decode(v) : v));
  } finally {
    raw.close();
  }
}

beforeEach(async () => {
  setLockState({ mode: 'off' });
  forgetLockedSync();
  await db.open();
  await Promise.all(db.tables.map((t) => t.clear()));
  server = new FakeSyncServer();
  vi.stubGlobal('fetch', server.fetch);
  setBeforeLock(sendBeforeLock);
});

afterEach(() => {
  setBeforeLock(async () => undefined);
  setLockState({ mode: 'off' });
  vi.unstubAllGlobals();
});

describe('holding keys', () => {
  it('open only what was sealed to their own public half, unchanged', async () => {
    const mine = await newHoldingKeys();
    const other = await newHoldingKeys();
    const held = await sealForHolding(mine.publicJwk, { note: 'Example held note' });
    expect(await openHeld(mine.privateJwk, held)).toEqual({ note: 'Example held note' });
    await expect(openHeld(other.privateJwk, held)).rejects.toThrow();
    const changed = { ...held, sealed: held.sealed.slice() };
    changed.sealed[20] ^= 1;
    await expect(openHeld(mine.privateJwk, changed)).rejects.toThrow();
  });
});

describe('sync while locked', { timeout: 60_000 }, () => {
  it('sends the outbox as it locks, holds what arrives sealed, and puts it in place at unlock', async () => {
    await saveRecord('checkin', checkin('Example first, already backed up'));
    expect(await syncNow()).toBe('ok');
    await turnOnPin(PIN);
    const queued = checkin('Example queued just before the lock');
    await saveRecord('checkin', queued);

    await lockNow();
    expect(lockState().mode).toBe('locked');
    expect(dataKey()).toBeUndefined();
    // It left before the key went.
    expect(server.pushes.flat().map((m) => m.id)).toContain(queued.id);
    expect(await db.outbox.count()).toBe(0);

    // Another phone of theirs backs up a check-in; this phone, locked, pulls it.
    const fromOther = checkin('Example from the other phone about the rent');
    server.addChange('checkin', fromOther.id, fromOther);
    expect(await syncNow()).toBe('ok');
    expect(await db.heldWhileLocked.count()).toBe(1);
    const stored = await everythingStored();
    expect(stored).not.toContain('about the rent');
    expect(stored).not.toContain('just before the lock');
    // Nothing personal opens while locked, and the pulled check-in is only held, not in its table yet.
    await expect(db.checkins.get(queued.id)).rejects.toBeInstanceOf(LockedError);
    expect(await db.checkins.where('id').equals(fromOther.id).count()).toBe(0);

    expect((await unlock(PIN)).result).toBe('unlocked');
    // In place as soon as unlock resolves (before the app is uncovered), and the holding table is empty.
    expect(await db.checkins.get(fromOther.id)).toEqual(fromOther);
    expect(await db.heldWhileLocked.count()).toBe(0);
    expect(await db.checkins.count()).toBe(3);
  });

  it('waits for the unlock after a reload (no token in memory), and never applies a held page twice', async () => {
    await saveRecord('checkin', checkin('Example one'));
    expect(await syncNow()).toBe('ok');
    await turnOnPin(PIN);
    await lockNow();
    const first = checkin('Example server version one');
    server.addChange('checkin', first.id, first);
    expect(await syncNow()).toBe('ok');
    // Unlocked, the normal round pulls the same change again, and then a newer version of it arrives.
    setLockState({ mode: 'unlocked', key: (await unlockedKey()) });
    const held = await db.heldWhileLocked.toArray();
    await db.heldWhileLocked.clear();
    const newer = { ...first, note: 'Example server version two', updatedAt: new Date(Date.now() + 1000).toISOString() };
    server.addChange('checkin', first.id, newer);
    expect(await syncNow()).toBe('ok');
    // The old held page turns up late: it is older than the cursor, so it goes without overwriting the newer one.
    await db.heldWhileLocked.bulkAdd(held);
    expect(await syncNow()).toBe('ok');
    expect(await db.checkins.get(first.id)).toMatchObject({ note: 'Example server version two' });
    expect(await db.heldWhileLocked.count()).toBe(0);

    // A reload: the phone opens locked with nothing in memory, so a round waits for the unlock.
    await lockNow();
    forgetLockedSync();
    expect(await syncNow()).toBe('locked');
  });
});

describe('merging held pages', { timeout: 60_000 }, () => {
  it('puts the newest version in place even when two merges run at once', async () => {
    await saveRecord('checkin', checkin('Example one'));
    expect(await syncNow()).toBe('ok');
    await turnOnPin(PIN);
    const key = dataKey()!;
    await lockNow();
    const changed = checkin('Example version one');
    server.addChange('checkin', changed.id, changed);
    expect(await syncNow()).toBe('ok');
    server.addChange('checkin', changed.id, { ...changed, note: 'Example version two' });
    expect(await syncNow()).toBe('ok');
    expect(await db.heldWhileLocked.count()).toBe(2);
    setLockState({ mode: 'unlocked', key });
    await Promise.all([mergeHeldPages(), mergeHeldPages(), syncNow()]);
    expect(await db.checkins.get(changed.id)).toMatchObject({ note: 'Example version two' });
    expect(await db.heldWhileLocked.count()).toBe(0);
  });
});

describe('locking', { timeout: 60_000 }, () => {
  it('covers the screen at once and drops the key after the send, or after the bound if the server never answers', async () => {
    await turnOnPin(PIN);
    let finish: () => void = () => undefined;
    setBeforeLock(() => new Promise<void>((resolve) => { finish = resolve; }));
    const locking = lockNow(200);
    // Covered at once (the lock screen shows), the key kept only for the send.
    expect(lockState().mode).toBe('covered');
    expect(dataKey()).toBeDefined();
    await locking;
    expect(lockState().mode).toBe('locked');
    expect(dataKey()).toBeUndefined();
    finish();

    // The PIN typed while the send still runs: that unlock stands.
    expect((await unlock(PIN)).result).toBe('unlocked');
    setBeforeLock(() => new Promise<void>((resolve) => { finish = resolve; }));
    const again = lockNow(60_000);
    expect((await unlock(PIN)).result).toBe('unlocked');
    finish();
    await again;
    expect(lockState().mode).toBe('unlocked');
  });
});

/** Unlocks with the PIN and hands back the key (the test then drives the state itself). */
async function unlockedKey(): Promise<CryptoKey> {
  expect((await unlock(PIN)).result).toBe('unlocked');
  return dataKey()!;
}
