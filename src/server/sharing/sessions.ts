// PA and manager sessions: a random token in an HttpOnly, Secure, SameSite=Strict cookie, stored only hashed.
// State-changing requests must come from our own page (Origin check), so another site can't ride the cookie.
import { randomBytes } from 'node:crypto';

import type { FastifyReply, FastifyRequest } from 'fastify';

import type { StaffRole, StaffUser } from '../../shared/sharing/schemas.ts';
import { hashSecret } from '../auth/tokens.ts';
import { ApiError } from '../http/errors.ts';

const SESSION_COOKIE = 'pa_session';
const SESSION_MS = 8 * 60 * 60 * 1000;

const staffByRequest = new WeakMap<FastifyRequest, StaffUser>();

function sessionCookie(token: string, maxAgeSeconds: number): string {
  return `${SESSION_COOKIE}=${token}; Path=/api/v1; Max-Age=${maxAgeSeconds}; HttpOnly; Secure; SameSite=Strict`;
}

export async function startSession(request: FastifyRequest, reply: FastifyReply, userId: string): Promise<void> {
  const token = randomBytes(32).toString('base64url');
  const now = Date.now();
  await request.server.store.db.insertInto('staff_sessions').values({
    token_hash: hashSecret(token), user_id: userId, created_at: new Date(now).toISOString(), expires_at: new Date(now + SESSION_MS).toISOString(),
  }).execute();
  reply.header('set-cookie', sessionCookie(token, SESSION_MS / 1000));
}

export function sessionTokenOf(request: FastifyRequest): string | null {
  for (const part of (request.headers.cookie ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE && /^[A-Za-z0-9_-]{43}$/.test(value.join('='))) return value.join('=');
  }
  return null;
}

export async function endSession(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  const token = sessionTokenOf(request);
  if (token) await request.server.store.db.deleteFrom('staff_sessions').where('token_hash', '=', hashSecret(token)).execute();
  reply.header('set-cookie', sessionCookie('', 0));
}

/** After a password change: every session of this account but the one making the change is signed out. */
export async function endOtherSessions(request: FastifyRequest, userId: string): Promise<void> {
  const token = sessionTokenOf(request);
  await request.server.store.db.deleteFrom('staff_sessions').where('user_id', '=', userId)
    .where('token_hash', '!=', token ? hashSecret(token) : '').execute();
}

/** Refuses a state-changing request whose Origin is missing or is not this server. */
export function requireSameOrigin(request: FastifyRequest): void {
  if (request.method === 'GET' || request.method === 'HEAD') return;
  const origin = request.headers.origin;
  let sameHost: boolean;
  try {
    sameHost = !!origin && new URL(origin).host === request.headers.host;
  } catch {
    sameHost = false;
  }
  if (!sameHost) throw new ApiError(403, { error: 'bad-origin', message: 'This request did not come from the PA page. Reload the page and try again.' });
}

/** onRequest hook factory: a signed-in staff member with one of `roles`, else 401 (not signed in) or 403. */
export function requireStaff(...roles: StaffRole[]) {
  return staffHook(roles, false);
}

/** Like requireStaff, but also lets in someone who still has to replace their one-time password. */
export function requireStaffWithOneTimePassword(...roles: StaffRole[]) {
  return staffHook(roles, true);
}

function staffHook(roles: StaffRole[], allowOneTimePassword: boolean) {
  return async (request: FastifyRequest): Promise<void> => {
    requireSameOrigin(request);
    const token = sessionTokenOf(request);
    const nobody = new ApiError(401, { error: 'unauthorised', message: 'Please sign in again.' });
    if (!token) throw nobody;
    const row = await request.server.store.db
      .selectFrom('staff_sessions')
      .innerJoin('staff_users', 'staff_users.id', 'staff_sessions.user_id')
      .select(['staff_users.id', 'email', 'name', 'role', 'council', 'expires_at', 'must_change_password'])
      .where('token_hash', '=', hashSecret(token))
      .executeTakeFirst();
    if (!row || Date.parse(row.expires_at) <= Date.now()) throw nobody;
    if (!roles.includes(row.role as StaffRole)) throw new ApiError(403, { error: 'forbidden', message: 'Your account cannot open this.' });
    if (Number(row.must_change_password) !== 0 && !allowOneTimePassword) {
      throw new ApiError(403, { error: 'password-change-required', message: 'Choose your own password first (your first password works only once).' });
    }
    staffByRequest.set(request, { id: row.id, email: row.email, name: row.name, role: row.role as StaffRole, council: row.council });
  };
}

export function staffOf(request: FastifyRequest): StaffUser {
  const staff = staffByRequest.get(request);
  if (!staff) throw new Error('staffOf() called on a route without requireStaff');
  return staff;
}
