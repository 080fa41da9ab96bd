// `npm run admin -- create-user --role pa|manager|admin --email … --council … [--name …]`: prints a one-time password.
import type { StaffRole } from '../../shared/sharing/schemas.ts';
import type { Store } from '../store/database.ts';
import { createStaffUser, STAFF_ROLES } from './accounts.ts';

export const CREATE_USER_USAGE = 'create-user --role pa|manager --email <email> --council <council> [--name <name>]';

function parseCreateUserArgs(args: string[]): { role: StaffRole; email: string; council: string; name?: string } {
  const flags: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) {
    if (!args[i].startsWith('--') || args[i + 1] === undefined) throw new Error(`Usage: ${CREATE_USER_USAGE}`);
    flags[args[i].slice(2)] = args[i + 1];
  }
  const role = flags.role as StaffRole;
  if (!STAFF_ROLES.includes(role)) throw new Error(`--role must be one of ${STAFF_ROLES.join(', ')}. Usage: ${CREATE_USER_USAGE}`);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(flags.email ?? '')) throw new Error(`--email must be an email address. Usage: ${CREATE_USER_USAGE}`);
  if (!flags.council?.trim()) throw new Error(`--council is required (the local authority, e.g. "Stockport"). Usage: ${CREATE_USER_USAGE}`);
  return { role, email: flags.email, council: flags.council, name: flags.name };
}

export async function createUserCommand(store: Store, args: string[]): Promise<string> {
  const input = parseCreateUserArgs(args);
  const db = store.db;
  const taken = await db.selectFrom('staff_users').select('id').where('email', '=', input.email.trim().toLowerCase()).executeTakeFirst();
  if (taken) throw new Error(`An account for ${input.email} already exists.`);
  const { user, password } = await createStaffUser(db, { ...input, oneTime: true });
  return `Created ${user.role} ${user.email} (${user.council}).\nOne-time password: ${password}\nGive it to them privately; it is shown only now, and they must choose their own password when they first sign in.`;
}
