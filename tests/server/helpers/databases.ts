// A fresh, empty database per test file for each dialect: a temp SQLite file, or a new PostgreSQL schema.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import pg from 'pg';

import { loadConfig, type ServerConfig } from '../../../src/server/config.ts';

export type DialectName = 'sqlite' | 'postgres';
export const DIALECTS: DialectName[] = ['sqlite', 'postgres'];
export const POSTGRES_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

export type TestDatabase = {
  config: ServerConfig;
  /** Environment for a child server process using this database. */
  env: Record<string, string>;
  drop(): Promise<void>;
};

async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    // Fail loudly: server tests must run against real PostgreSQL, never silently skip it.
    throw new Error(
      `PostgreSQL is not reachable at ${POSTGRES_URL} (${error instanceof Error ? error.message : String(error)}). ` +
      'Start PostgreSQL with a "test" database (trust auth for postgres@127.0.0.1), or set TEST_DATABASE_URL.',
      { cause: error },
    );
  }
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function freshDatabase(dialect: DialectName, overrides: Partial<ServerConfig> = {}): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'care-server-test-'));
  const base = { dataDir, staticDir: path.join(dataDir, 'no-dist'), logLevel: 'silent', rateLimitPerMinute: 1_000_000 };
  if (dialect === 'sqlite') {
    const file = path.join(dataDir, 'app.sqlite');
    return {
      config: loadConfig({}, { ...base, database: { dialect: 'sqlite', file }, ...overrides }),
      env: { DATA_DIR: dataDir },
      drop: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const schema = `test_${randomBytes(6).toString('hex')}`;
  await withAdminClient((client) => client.query(`create schema ${schema}`));
  const url = new URL(POSTGRES_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    config: loadConfig({}, { ...base, database: { dialect: 'postgres', url: url.toString() }, ...overrides }),
    env: { DATA_DIR: dataDir, DATABASE_URL: url.toString() },
    drop: async () => {
      await withAdminClient((client) => client.query(`drop schema ${schema} cascade`));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
