// A person's phones: registering one (new, or joining a person with a link code), making link codes, listing the
// phones signed in, and signing one out.
import { randomUUID } from 'node:crypto';

import { normaliseCode } from '../../shared/readableCode.ts';
import type { RegisterDeviceResponse } from '../../shared/sync.ts';
import { hashSecret, newDeviceToken, newLinkCode } from '../auth/tokens.ts';
import type { Store } from '../store/database.ts';
import type { Db } from '../store/tables.ts';

const LINK_CODE_TTL_MS = 15 * 60 * 1000;

/** A new device, for a new person or (with a link code) for the code's person; null when the link code is wrong, used or expired. */
export async function registerDevice(store: Store, linkCode: string | undefined): Promise<RegisterDeviceResponse | null> {
  const token = newDeviceToken();
  const deviceId = randomUUID();
  const now = new Date().toISOString();
  const sqlite = store.sqlite;
  if (sqlite && linkCode === undefined) {
    // The hot path when many phones arrive at once (measured in tests/bench/load.ts): two prepared INSERTs in one
    // synchronous transaction, with no query building or awaits between them.
    const personId = randomUUID();
    await sqlite.transaction(() => {
      sqlite.prepare('insert into people (id, created_at) values (?, ?)').run(personId, now);
      sqlite.prepare('insert into devices (id, person_id, token_hash, last_seq, created_at, last_seen_at, revoked_at) values (?, ?, ?, 0, ?, ?, null)')
        .run(deviceId, personId, hashSecret(token), now, now);
    });
    return { deviceId, token };
  }
  const registered = await store.db.transaction().execute(async (trx) => {
    let personId: string;
    if (linkCode !== undefined) {
      // One atomic UPDATE claims the code, so two phones racing with one code can't both join.
      const claimed = await trx
        .updateTable('link_codes')
        .set({ used_at: now })
        .where('code_hash', '=', hashSecret(normaliseCode(linkCode)))
        .where('used_at', 'is', null)
        .where('expires_at', '>', now)
        .returning('person_id')
        .executeTakeFirst();
      if (!claimed) return false;
      personId = claimed.person_id;
    } else {
      personId = randomUUID();
      await trx.insertInto('people').values({ id: personId, created_at: now }).execute();
    }
    await trx
      .insertInto('devices')
      .values({ id: deviceId, person_id: personId, token_hash: hashSecret(token), last_seq: 0, created_at: now, last_seen_at: now, revoked_at: null })
      .execute();
    return true;
  });
  return registered ? { deviceId, token } : null;
}

/** A short-lived code another phone of this person's can join with (shown once, stored hashed). */
export async function makeLinkCode(db: Db, personId: string): Promise<{ code: string; expiresAt: string }> {
  const code = newLinkCode();
  const expiresAt = new Date(Date.now() + LINK_CODE_TTL_MS).toISOString();
  await db
    .insertInto('link_codes')
    .values({ code_hash: hashSecret(normaliseCode(code)), person_id: personId, expires_at: expiresAt, used_at: null })
    .execute();
  return { code, expiresAt };
}

type MyDevice = { id: string; createdAt: string; lastSeenAt: string; thisDevice: boolean };

/** The person's phones still signed in, oldest first, marking the one asking. */
export async function listMyDevices(db: Db, me: { id: string; personId: string }): Promise<MyDevice[]> {
  const rows = await db.selectFrom('devices').select(['id', 'created_at', 'last_seen_at'])
    .where('person_id', '=', me.personId).where('revoked_at', 'is', null).orderBy('created_at').execute();
  return rows.map((d) => ({ id: d.id, createdAt: d.created_at, lastSeenAt: d.last_seen_at, thisDevice: d.id === me.id }));
}

/** false when the device is not the person's, or is already signed out. */
export async function signOutDevice(db: Db, personId: string, deviceId: string): Promise<boolean> {
  const revoked = await db.updateTable('devices').set({ revoked_at: new Date().toISOString() })
    .where('id', '=', deviceId).where('person_id', '=', personId).where('revoked_at', 'is', null).returning('id').executeTakeFirst();
  return !!revoked;
}
