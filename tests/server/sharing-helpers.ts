// Helpers for the sharing tests: staff accounts signed in through the real login, and PA-page requests.
import { randomUUID } from 'node:crypto';

import type { FastifyInstance, InjectOptions } from 'fastify';

import { createStaffUser } from '../../src/server/sharing/accounts.ts';
import type { StaffRole, StaffUser } from '../../src/shared/sharing/schemas.ts';
import { auth, type Device } from './helpers/api.ts';

export const HOST = 'care.example.test';
export const ORIGIN = `https://${HOST}`;

export type Staff = StaffUser & { cookie: string; password: string };

export async function signedInStaff(app: FastifyInstance, role: StaffRole, council: string, name = `Example ${role} ${randomUUID().slice(0, 4)}`): Promise<Staff> {
  const email = `${randomUUID().slice(0, 8)}@example.test`;
  const { user, password } = await createStaffUser(app.store.db, { email, role, council, name });
  const res = await app.inject({ method: 'POST', url: '/api/v1/pa/login', headers: { host: HOST, origin: ORIGIN }, payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = String(res.headers['set-cookie']).split(';')[0];
  return { ...user, cookie, password };
}

/** A request from the PA page in a browser: same-origin, with the session cookie. */
export function asStaff(app: FastifyInstance, staff: Staff | null, options: InjectOptions) {
  return app.inject({ ...options, headers: { host: HOST, origin: ORIGIN, ...(staff ? { cookie: staff.cookie } : {}), ...options.headers } });
}

export function asPhone(app: FastifyInstance, phone: Device | null, options: InjectOptions) {
  return app.inject({ ...options, headers: { ...(phone ? auth(phone) : {}), ...options.headers } });
}

export async function pairingCode(app: FastifyInstance, pa: Staff): Promise<string> {
  const res = await asStaff(app, pa, { method: 'POST', url: '/api/v1/pa/pairing-codes' });
  if (res.statusCode !== 201) throw new Error(`pairing code failed: ${res.statusCode} ${res.body}`);
  return res.json().code;
}

export async function connect(app: FastifyInstance, phone: Device, pa: Staff, name = 'Example Young Person'): Promise<void> {
  const code = await pairingCode(app, pa);
  const res = await asPhone(app, phone, { method: 'POST', url: '/api/v1/my-pa/connect', payload: { code, name } });
  if (res.statusCode !== 200) throw new Error(`connect failed: ${res.statusCode} ${res.body}`);
}

/** Pretends the guesses counted on `key` happened `ms` earlier, so tests need not sleep through the wait. */
export async function ageAttempts(app: FastifyInstance, key: string, ms: number): Promise<void> {
  const db = app.store.db;
  const row = await db.selectFrom('attempt_counters').selectAll().where('key', '=', key).executeTakeFirstOrThrow();
  await db.updateTable('attempt_counters').set({ last_try_ms: Number(row.last_try_ms) - ms }).where('key', '=', key).execute();
}
