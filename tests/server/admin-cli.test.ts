// The admin CLI as an operator uses it: help, list devices (never tokens), revoke a lost phone.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildServer } from '../../src/server/app.ts';
import { auth, type Device, registerDevice } from './helpers/api.ts';
import { freshDatabase, type TestDatabase } from './helpers/databases.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

async function admin(env: Record<string, string>, ...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/server/admin.ts', ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    return { code: 0, out: stdout + stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe('admin CLI', () => {
  let database: TestDatabase;
  let phone: Device;

  beforeAll(async () => {
    database = await freshDatabase('sqlite');
    const app = await buildServer(database.config);
    phone = await registerDevice(app);
    await app.close();
  });
  afterAll(async () => database?.drop());

  it('lists its commands', async () => {
    const { code, out } = await admin(database.env, 'help');
    expect(code).toBe(0);
    expect(out).toContain('list-devices');
    expect(out).toContain('revoke-device <device-id>');
  });

  it('says so when a command is unknown or an id is missing', async () => {
    expect((await admin(database.env, 'explode')).code).toBe(2);
    const missing = await admin(database.env, 'revoke-device', '8a6f0a3e-0000-4000-8000-000000000000');
    expect(missing.code).toBe(2);
    expect(missing.out).toContain('No device with id');
  });

  it('revokes a device so it can no longer sync, and never prints tokens', async () => {
    const revoked = await admin(database.env, 'revoke-device', phone.deviceId);
    expect(revoked.code).toBe(0);
    const list = await admin(database.env, 'list-devices');
    expect(list.out).toContain(phone.deviceId);
    expect(list.out).toContain('REVOKED');
    expect(list.out).not.toContain(phone.token);
    const app = await buildServer(database.config);
    try {
      expect((await app.inject({ method: 'GET', url: '/api/v1/sync/pull', headers: auth(phone) })).statusCode).toBe(401);
    } finally {
      await app.close();
    }
  });
});
