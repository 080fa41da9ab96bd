// Settings come only from environment variables, each with a safe default; the startup line never shows a password.
import fs from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { describeDatabase, loadConfig } from '../../src/server/config.ts';

describe('server config', () => {
  it('starts with safe defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 8080, host: '0.0.0.0', dataDir: './data', staticDir: './dist', bodyLimit: 1024 * 1024,
      rateLimitPerMinute: 300, logLevel: 'info', testDelayInPushMs: 0, trustProxy: false, retentionDays: 30,
    });
    expect(config.database).toEqual({ dialect: 'sqlite', file: 'data/app.sqlite' });
    expect(describeDatabase(config.database)).toBe('SQLite ./data/app.sqlite');
  });

  it('uses PostgreSQL for a postgres:// DATABASE_URL and never prints its password', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://app:hunter2@db.internal:5433/care' });
    expect(config.database).toMatchObject({ dialect: 'postgres', url: 'postgres://app:hunter2@db.internal:5433/care' });
    expect(describeDatabase(config.database)).toBe('PostgreSQL db.internal:5433/care');
  });

  it('never waits on PostgreSQL without a limit: connect, statement and query timeouts default on, and can be set', () => {
    const defaults = loadConfig({ DATABASE_URL: 'postgres://db.internal/care' });
    expect(defaults.database).toMatchObject({ pool: { connectTimeoutMs: 5000, statementTimeoutMs: 15000, queryTimeoutMs: 20000, applicationName: 'care-leaver-server', max: 10 } });
    expect(defaults).toMatchObject({ requestTimeoutMs: 30000, databaseStartWaitMs: 120000 });
    const set = loadConfig({
      DATABASE_URL: 'postgres://db.internal/care', DB_CONNECT_TIMEOUT_MS: '1000', DB_STATEMENT_TIMEOUT_MS: '2000', DB_QUERY_TIMEOUT_MS: '2500',
      DB_APPLICATION_NAME: 'care-test-a', DB_POOL_SIZE: '4', REQUEST_TIMEOUT_MS: '5000', DB_START_WAIT_MS: '0',
    });
    expect(set.database).toMatchObject({ pool: { connectTimeoutMs: 1000, statementTimeoutMs: 2000, queryTimeoutMs: 2500, applicationName: 'care-test-a', max: 4 } });
    expect(set).toMatchObject({ requestTimeoutMs: 5000, databaseStartWaitMs: 0 });
  });

  it('refuses nonsense with a message that says how to fix it', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT must be a whole number/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/postgres:\/\//);
    expect(() => loadConfig({ RETENTION_DAYS: '0' })).toThrow(/RETENTION_DAYS must be at least 1/);
    expect(loadConfig({ RETENTION_DAYS: '90' }).retentionDays).toBe(90);
  });

  it('reads every documented variable', () => {
    const config = loadConfig({ PORT: '9000', HOST: '127.0.0.1', DATA_DIR: '/srv/care', STATIC_DIR: '/srv/dist', BODY_LIMIT: '2048', RATE_LIMIT_PER_MINUTE: '50', LOG_LEVEL: 'warn' });
    expect(config).toMatchObject({ port: 9000, host: '127.0.0.1', dataDir: '/srv/care', staticDir: '/srv/dist', bodyLimit: 2048, rateLimitPerMinute: 50, logLevel: 'warn' });
    expect(config.database).toEqual({ dialect: 'sqlite', file: '/srv/care/app.sqlite' });
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8' }).trustProxy).toBe('10.0.0.0/8');
  });

  it('reads reminders, Web Push keys and the directory seed here too, and refuses half a key pair', () => {
    expect(loadConfig({})).toMatchObject({ reminders: { enabled: true, tickMs: 30_000, allowLocalHttpEndpoints: false }, vapid: {}, seedDirectory: true });
    expect(loadConfig({ REMINDERS: 'off', SEED_DIRECTORY: 'off', VAPID_SUBJECT: 'mailto:invented@example.org' }))
      .toMatchObject({ reminders: { enabled: false }, seedDirectory: false, vapid: { subject: 'mailto:invented@example.org' } });
    expect(() => loadConfig({ VAPID_PUBLIC_KEY: 'invented' })).toThrow(/both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY/);
  });

  it('is the only file of the server that reads the environment', () => {
    const root = path.resolve(import.meta.dirname, '../../src/server');
    const readers = fs.readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.ts') && fs.readFileSync(path.join(root, file), 'utf8').includes('process.env'));
    expect(readers).toEqual(['config.ts']);
  });
});
