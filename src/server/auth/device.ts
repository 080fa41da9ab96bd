// Device authentication: `Authorization: Bearer <token>` → request.device, or 401. Use as a route's onRequest hook:
//   app.get('/thing', { onRequest: requireDevice }, async (request) => { request.device.personId … })
import type { FastifyReply, FastifyRequest } from 'fastify';

import { ApiError } from '../http/errors.ts';
import { hashSecret } from './tokens.ts';

export type AuthenticatedDevice = { id: string; personId: string };

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by requireDevice; null on routes that don't require a device. */
    device: AuthenticatedDevice | null;
  }
}

const BEARER = /^Bearer ([A-Za-z0-9_-]{43})$/;
// last_seen_at is for "your devices" lists; refreshing it at most every few minutes keeps reads write-free.
const SEEN_REFRESH_MS = 5 * 60 * 1000;

const unauthorised = () =>
  new ApiError(401, { error: 'unauthorised', message: 'This device is not signed in or was removed. Set it up again to keep syncing.' });

/**
 * A device signed out by its person (restored on a new phone, or removed from "my devices"). Told apart from an
 * unknown token so the phone wipes what it holds and does NOT set itself up again as a new person.
 */
export const deviceSignedOut = () =>
  new ApiError(401, { error: 'device-signed-out', message: 'This phone was signed out. Its data was moved to another phone or removed.' });

export async function requireDevice(request: FastifyRequest, _reply: FastifyReply): Promise<void> {
  const match = BEARER.exec(request.headers.authorization ?? '');
  if (!match) throw unauthorised();
  const db = request.server.store.db;
  const row = await db
    .selectFrom('devices')
    .select(['id', 'person_id', 'last_seen_at', 'revoked_at'])
    .where('token_hash', '=', hashSecret(match[1]))
    .executeTakeFirst();
  if (!row) {
    // A phone of someone who deleted their data everywhere: only its token's hash is left (migration 011).
    const gone = await db
      .selectFrom('signed_out_tokens').select('token_hash').where('token_hash', '=', hashSecret(match[1])).executeTakeFirst();
    throw gone ? deviceSignedOut() : unauthorised();
  }
  if (row.revoked_at !== null) throw deviceSignedOut();
  request.device = { id: row.id, personId: row.person_id };
  const now = Date.now();
  if (now - Date.parse(row.last_seen_at) > SEEN_REFRESH_MS) {
    await db.updateTable('devices').set({ last_seen_at: new Date(now).toISOString() }).where('id', '=', row.id).execute();
  }
}

/** The authenticated device; only call on routes that use requireDevice. */
export function deviceOf(request: FastifyRequest): AuthenticatedDevice {
  if (!request.device) throw new Error('deviceOf() called on a route without requireDevice');
  return request.device;
}
