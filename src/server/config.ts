// Server settings, read only from environment variables and only here (nothing else in src/server reads process.env); every one has a safe default (listed in the README).
import path from 'node:path';

import { loadReminderSettings, type ReminderSettings } from './reminders/settings.ts';
import { type VapidSettings, vapidSettingsFrom } from './reminders/vapid.ts';

export type DatabaseConfig =
  | { dialect: 'sqlite'; file: string }
  | { dialect: 'postgres'; url: string; pool?: PostgresPoolConfig };

/** How long the server waits on PostgreSQL before it answers 503 instead of hanging (DB_* variables). */
export type PostgresPoolConfig = {
  /** DB_CONNECT_TIMEOUT_MS: giving up on opening a connection (or waiting for a free one in the pool). */
  connectTimeoutMs: number;
  /** DB_STATEMENT_TIMEOUT_MS: PostgreSQL cancels a statement that runs longer than this. */
  statementTimeoutMs: number;
  /** DB_QUERY_TIMEOUT_MS: the server stops waiting for an answer (a frozen network never sends the cancel back). */
  queryTimeoutMs: number;
  /** DB_APPLICATION_NAME: how this server's connections are named in pg_stat_activity. */
  applicationName: string;
  /** DB_POOL_SIZE: connections open at most. */
  max: number;
};

export type ServerConfig = {
  port: number;
  host: string;
  dataDir: string;
  database: DatabaseConfig;
  staticDir: string;
  bodyLimit: number;
  rateLimitPerMinute: number;
  logLevel: string;
  /** Behind a reverse proxy or load balancer, trust its X-Forwarded-For so rate limits are per phone, not per proxy. */
  trustProxy: boolean | number | string;
  /** REQUEST_TIMEOUT_MS: a request (headers and body) not fully received by then is answered 408. */
  requestTimeoutMs: number;
  /** DB_START_WAIT_MS: at start, how long to keep retrying an unreachable database before exiting (0 = forever). */
  databaseStartWaitMs: number;
  /** RETENTION_DAYS: tombstones, signed-out phones, expired codes and sent reminders are deleted after this (retention/). */
  retentionDays: number;
  /** Test-only: milliseconds to wait inside the push transaction before commit. 0 (the default) = off. */
  testDelayInPushMs: number;
  /** Reminders and call alerts: REMINDERS, REMINDER_TICK_MS and their test-only settings (reminders/settings.ts). */
  reminders: ReminderSettings;
  /** VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY, VAPID_SUBJECT; unset = keys made once in DATA_DIR (reminders/vapid.ts). */
  vapid: VapidSettings;
  /** SEED_DIRECTORY=off: start without the national crisis lines and study services (protocol tests). */
  seedDirectory: boolean;
};

const MIB = 1024 * 1024;

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number (got "${raw}"). Fix it or unset it to use ${fallback}.`);
  return value;
}

function atLeastOne(name: string, value: number): number {
  if (value < 1) throw new Error(`${name} must be at least 1.`);
  return value;
}

/** Picks the store: PostgreSQL when DATABASE_URL is postgres://…, else an embedded SQLite file in dataDir. */
function databaseFromUrl(url: string | undefined, dataDir: string, env: Record<string, string | undefined> = {}): DatabaseConfig {
  if (!url || url.trim() === '') return { dialect: 'sqlite', file: path.join(dataDir, 'app.sqlite') };
  if (/^postgres(ql)?:\/\//.test(url)) return { dialect: 'postgres', url, pool: postgresPoolFromEnv(env) };
  if (url.startsWith('sqlite:')) return { dialect: 'sqlite', file: url.slice('sqlite:'.length) };
  throw new Error('DATABASE_URL must start with postgres:// (or be unset to use SQLite in DATA_DIR).');
}

export function postgresPoolFromEnv(env: Record<string, string | undefined>): PostgresPoolConfig {
  const statementTimeoutMs = positiveInt('DB_STATEMENT_TIMEOUT_MS', env.DB_STATEMENT_TIMEOUT_MS, 15_000);
  return {
    connectTimeoutMs: positiveInt('DB_CONNECT_TIMEOUT_MS', env.DB_CONNECT_TIMEOUT_MS, 5_000),
    statementTimeoutMs,
    // A little longer than the statement timeout, so PostgreSQL's own cancel (a clearer error) normally wins.
    queryTimeoutMs: positiveInt('DB_QUERY_TIMEOUT_MS', env.DB_QUERY_TIMEOUT_MS, statementTimeoutMs + 5_000),
    applicationName: env.DB_APPLICATION_NAME || 'care-leaver-server',
    max: positiveInt('DB_POOL_SIZE', env.DB_POOL_SIZE, 10) || 10,
  };
}

/** TRUST_PROXY: unset/false = off; true; a hop count (1); or addresses/CIDRs ("10.0.0.0/8,127.0.0.1"). */
function parseTrustProxy(raw: string | undefined): boolean | number | string {
  if (!raw || raw === 'false') return false;
  if (raw === 'true') return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  return raw;
}

/** Builds a config from an environment (process.env by default); tests pass their own object or overrides. */
export function loadConfig(env: Record<string, string | undefined> = process.env, overrides: Partial<ServerConfig> = {}): ServerConfig {
  const dataDir = env.DATA_DIR || './data';
  return {
    port: positiveInt('PORT', env.PORT, 8080),
    host: env.HOST || '0.0.0.0',
    dataDir,
    database: databaseFromUrl(env.DATABASE_URL, dataDir, env),
    staticDir: env.STATIC_DIR || './dist',
    bodyLimit: positiveInt('BODY_LIMIT', env.BODY_LIMIT, MIB),
    rateLimitPerMinute: positiveInt('RATE_LIMIT_PER_MINUTE', env.RATE_LIMIT_PER_MINUTE, 300),
    logLevel: env.LOG_LEVEL || 'info',
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    requestTimeoutMs: positiveInt('REQUEST_TIMEOUT_MS', env.REQUEST_TIMEOUT_MS, 30_000),
    databaseStartWaitMs: positiveInt('DB_START_WAIT_MS', env.DB_START_WAIT_MS, 120_000),
    retentionDays: atLeastOne('RETENTION_DAYS', positiveInt('RETENTION_DAYS', env.RETENTION_DAYS, 30)),
    testDelayInPushMs: positiveInt('TEST_DELAY_IN_PUSH_MS', env.TEST_DELAY_IN_PUSH_MS, 0),
    reminders: loadReminderSettings(env),
    vapid: vapidSettingsFrom(env),
    seedDirectory: env.SEED_DIRECTORY !== 'off',
    ...overrides,
  };
}

/** Where the data lives, for humans; never includes a password. */
export function describeDatabase(db: DatabaseConfig): string {
  if (db.dialect === 'sqlite') return `SQLite ${path.isAbsolute(db.file) || db.file.startsWith('.') ? db.file : `./${db.file}`}`;
  const u = new URL(db.url);
  return `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}`;
}
