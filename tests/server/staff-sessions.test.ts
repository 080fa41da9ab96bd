// Staff sign-in: a one-time password signs in once only, and changing a password signs out every other session.
import { randomUUID } from 'node:crypto';

import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';

import { createUserCommand } from '../../src/server/sharing/create-user.ts';
import { DIALECTS } from './helpers/databases.ts';
import { serverForBlock } from './helpers/server.ts';
import { asStaff, HOST, ORIGIN, signedInStaff, type Staff } from './sharing-helpers.ts';

describe.each(DIALECTS)('staff sessions on %s', (dialect) => {
  const server = serverForBlock(dialect);
  let app: FastifyInstance;
  beforeAll(() => {
    app = server.app;
  });

  const login = (email: string, password: string) =>
    app.inject({ method: 'POST', url: '/api/v1/pa/login', headers: { host: HOST, origin: ORIGIN }, payload: { email, password } });
  const cookieOf = (res: { headers: Record<string, unknown> }) => ({ cookie: String(res.headers['set-cookie']).split(';')[0] }) as Staff;

  async function newAccount(): Promise<{ email: string; oneTime: string }> {
    const email = `once-${randomUUID().slice(0, 6)}@example.test`;
    const printed = await createUserCommand(app.store, ['--role', 'pa', '--email', email, '--council', 'Example Council A']);
    return { email, oneTime: /One-time password: (\S+)/.exec(printed)![1] };
  }

  it('lets a one-time password sign in once, even before it is changed', async () => {
    const { email, oneTime } = await newAccount();
    const first = await login(email, oneTime);
    expect(first.statusCode).toBe(200);
    expect((await login(email, oneTime)).statusCode).toBe(401);
    // The first session can still choose the new password, and that one then works.
    const changed = await asStaff(app, cookieOf(first), { method: 'POST', url: '/api/v1/pa/password', payload: { currentPassword: oneTime, newPassword: 'a long example passphrase' } });
    expect(changed.statusCode).toBe(200);
    expect((await login(email, 'a long example passphrase')).statusCode).toBe(200);
  });

  it('lets only one of two sign-ins at once use a one-time password', async () => {
    const { email, oneTime } = await newAccount();
    const both = await Promise.all([login(email, oneTime), login(email, oneTime)]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 401]);
  });

  it('signs out every other session when the password is changed, and keeps the one that changed it', async () => {
    const pa = await signedInStaff(app, 'pa', 'Example Council A');
    const laptop = cookieOf(await login(pa.email, pa.password));
    const me = (who: Staff) => asStaff(app, who, { method: 'GET', url: '/api/v1/pa/me' });
    expect((await me(laptop)).statusCode).toBe(200);
    const changed = await asStaff(app, pa, { method: 'POST', url: '/api/v1/pa/password', payload: { currentPassword: pa.password, newPassword: 'another long example passphrase' } });
    expect(changed.statusCode).toBe(200);
    expect((await me(laptop)).statusCode).toBe(401);
    expect((await me(pa)).statusCode).toBe(200);
  });
});
