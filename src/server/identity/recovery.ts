// Recovery codes: a long code shown once; on a new phone it registers a device for the same person
// and signs every old device out. Stored only hashed; single use.
import { randomUUID } from 'node:crypto';

import type { Kysely } from 'kysely';

import { normaliseCode } from '../../shared/readableCode.ts';
import { hashSecret, newDeviceToken, newRecoveryCode } from '../auth/tokens.ts';
import type { Database, Db } from '../store/tables.ts';

export async function setRecoveryCode(db: Db, personId: string): Promise<string> {
  const code = newRecoveryCode();
  const values = { code_hash: hashSecret(normaliseCode(code)), created_at: new Date().toISOString() };
  await db.insertInto('recovery_codes').values({ person_id: personId, ...values })
    .onConflict((oc) => oc.column('person_id').doUpdateSet(values)).execute();
  return code;
}

/** A new device for the code's person, with every other device revoked; null when the code is wrong. */
export async function restoreWithCode(db: Kysely<Database>, code: string): Promise<{ deviceId: string; token: string } | null> {
  return db.transaction().execute(async (trx) => {
    const claimed = await trx.deleteFrom('recovery_codes').where('code_hash', '=', hashSecret(normaliseCode(code)))
      .returning('person_id').executeTakeFirst();
    if (!claimed) return null;
    const now = new Date().toISOString();
    await trx.updateTable('devices').set({ revoked_at: now }).where('person_id', '=', claimed.person_id).where('revoked_at', 'is', null).execute();
    const deviceId = randomUUID();
    const token = newDeviceToken();
    await trx.insertInto('devices').values({
      id: deviceId, person_id: claimed.person_id, token_hash: hashSecret(token), last_seq: 0, created_at: now, last_seen_at: now, revoked_at: null,
    }).execute();
    return { deviceId, token };
  });
}
