// Creating PA, manager and admin accounts (the admin CLI), checking a sign-in, a PA's own settings, and the audit log.
import { randomUUID } from 'node:crypto';

import type { StaffRole, StaffUser, WorkingHours } from '../../shared/sharing/schemas.ts';
import { workingHoursOf } from '../../shared/sharing/working-hours.ts';
import type { Db } from '../store/tables.ts';
import { hashPassword, newOneTimePassword, verifyAgainstNobody, verifyPassword } from './passwords.ts';

export const STAFF_ROLES: StaffRole[] = ['pa', 'manager', 'admin'];

/** staff_users.must_change_password: 0 own password; 1 one-time password not yet used; 2 used once, must be replaced. */
const ONE_TIME_UNUSED = 1;
const ONE_TIME_USED = 2;

export async function createStaffUser(
  db: Db,
  input: { email: string; role: StaffRole; council: string; name?: string; password?: string; oneTime?: boolean },
): Promise<{ user: StaffUser; password: string }> {
  const email = input.email.trim().toLowerCase();
  const password = input.password ?? newOneTimePassword();
  const user: StaffUser = { id: randomUUID(), email, name: input.name?.trim() || email.split('@')[0], role: input.role, council: input.council.trim() };
  await db.insertInto('staff_users').values({
    id: user.id, email, name: user.name, role: user.role, council: user.council,
    password_hash: await hashPassword(password), working_hours: null, created_at: new Date().toISOString(),
    must_change_password: input.oneTime ? 1 : 0,
  }).execute();
  return { user, password };
}

export async function changePassword(db: Db, userId: string, current: string, next: string): Promise<boolean> {
  const row = await db.selectFrom('staff_users').select('password_hash').where('id', '=', userId).executeTakeFirstOrThrow();
  if (!(await verifyPassword(current, row.password_hash))) return false;
  await db.updateTable('staff_users').set({ password_hash: await hashPassword(next), must_change_password: 0 }).where('id', '=', userId).execute();
  return true;
}

/** The account when email and password match; null otherwise (same time taken either way). */
export async function checkSignIn(db: Db, email: string, password: string): Promise<StaffUser | null> {
  const row = await db.selectFrom('staff_users').selectAll().where('email', '=', email).executeTakeFirst();
  if (!row) return verifyAgainstNobody(password).then(() => null);
  if (!(await verifyPassword(password, row.password_hash))) return null;
  // A one-time password signs in once: the first sign-in marks it used (one UPDATE, so two at once can't both win);
  // that session may only choose a new password, and the one-time password never signs in again.
  if (Number(row.must_change_password) !== ONE_TIME_UNUSED && Number(row.must_change_password) !== 0) return null;
  if (Number(row.must_change_password) === ONE_TIME_UNUSED) {
    const claimed = await db.updateTable('staff_users').set({ must_change_password: ONE_TIME_USED })
      .where('id', '=', row.id).where('must_change_password', '=', ONE_TIME_UNUSED).returning('id').executeTakeFirst();
    if (!claimed) return null;
  }
  return { id: row.id, email: row.email, name: row.name, role: row.role as StaffRole, council: row.council };
}

export async function audit(db: Db, actorId: string, action: string, personId: string | null): Promise<void> {
  await db.insertInto('audit_log').values({ id: randomUUID(), actor_id: actorId, action, person_id: personId, at: new Date().toISOString() }).execute();
}

/** The latest 500 audit entries, newest first: who did what to whom and when, never content. */
export async function latestAudit(db: Db): Promise<{ actorId: string; action: string; personId: string | null; at: string }[]> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('at', 'desc').limit(500).execute();
  return rows.map((r) => ({ actorId: r.actor_id, action: r.action, personId: r.person_id, at: r.at }));
}

/** The signed-in staff member's working hours, and whether they must still replace a one-time password. */
export async function staffSettingsOf(db: Db, userId: string): Promise<{ workingHours: WorkingHours; mustChangePassword: boolean }> {
  const row = await db.selectFrom('staff_users').select(['working_hours', 'must_change_password']).where('id', '=', userId).executeTakeFirstOrThrow();
  return { workingHours: workingHoursOf(row.working_hours), mustChangePassword: Number(row.must_change_password) !== 0 };
}

export async function setWorkingHours(db: Db, userId: string, hours: WorkingHours): Promise<void> {
  await db.updateTable('staff_users').set({ working_hours: JSON.stringify(hours) }).where('id', '=', userId).execute();
}
