// A PA's pairing codes: made for a young person to connect with (shown once, stored hashed), listed while
// outstanding, cancelled before use. Using one is links.ts (connectWithCode).
import { randomUUID } from 'node:crypto';

import { normaliseCode } from '../../shared/readableCode.ts';
import { hashSecret, newPairingCode } from '../auth/tokens.ts';
import type { Db } from '../store/tables.ts';

const PAIRING_CODE_TTL_MS = 72 * 60 * 60 * 1000;

export async function makePairingCode(db: Db, paId: string): Promise<{ code: string; expiresAt: string }> {
  const code = newPairingCode();
  const now = Date.now();
  const expiresAt = new Date(now + PAIRING_CODE_TTL_MS).toISOString();
  await db.insertInto('pairing_codes').values({
    id: randomUUID(), code_hash: hashSecret(normaliseCode(code)), pa_id: paId, created_at: new Date(now).toISOString(), expires_at: expiresAt, used_at: null,
  }).execute();
  return { code, expiresAt };
}

/** The PA's codes not used and not expired, newest first (never the codes themselves: only their hashes are kept). */
export async function outstandingPairingCodes(db: Db, paId: string): Promise<{ id: string; createdAt: string; expiresAt: string }[]> {
  const now = new Date().toISOString();
  const rows = await db.selectFrom('pairing_codes').select(['id', 'created_at', 'expires_at']).where('pa_id', '=', paId)
    .where('used_at', 'is', null).where('expires_at', '>', now).where('id', 'is not', null).orderBy('created_at', 'desc').execute();
  return rows.map((r) => ({ id: r.id!, createdAt: r.created_at, expiresAt: r.expires_at }));
}

/** false when the code is not the PA's, or was already used or cancelled. */
export async function cancelPairingCode(db: Db, paId: string, id: string): Promise<boolean> {
  const gone = await db.deleteFrom('pairing_codes').where('id', '=', id).where('pa_id', '=', paId).where('used_at', 'is', null)
    .returning('code_hash').executeTakeFirst();
  return !!gone;
}
