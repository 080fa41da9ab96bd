// Server settings, read only from environment variables; every one has a safe default (listed in the README).
import path from 'node:path';

export type DatabaseConfig =
  | { dialect: 'sqlite'; file: string }
  | { dialect: 'postgres'; url: string };

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
  /** Test-only: milliseconds to wait inside the push transaction before commit. 0 (the default) = off. */
  testDelayInPushMs: number;
};

const MIB = 1024 * 1024;

function positiveInt(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number (got "${raw}"). Fix it or unset it to use ${fallback}.`);
  return value;
}

/** Picks the store: PostgreSQL when DATABASE_URL is postgres://…, else an embedded SQLite file in dataDir. */
export function databaseFromUrl(url: string | undefined, dataDir: string): DatabaseConfig {
  if (!url || url.trim() === '') return { dialect: 'sqlite', file: path.join(dataDir, 'app.sqlite') };
  if (/^postgres(ql)?:\/\//.test(url)) return { dialect: 'postgres', url };
  if (url.startsWith('sqlite:')) return { dialect: 'sqlite', file: url.slice('sqlite:'.length) };
  throw new Error('DATABASE_URL must start with postgres:// (or be unset to use SQLite in DATA_DIR).');
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
    database: databaseFromUrl(env.DATABASE_URL, dataDir),
    staticDir: env.STATIC_DIR || './dist',
    bodyLimit: positiveInt('BODY_LIMIT', env.BODY_LIMIT, MIB),
    rateLimitPerMinute: positiveInt('RATE_LIMIT_PER_MINUTE', env.RATE_LIMIT_PER_MINUTE, 300),
    logLevel: env.LOG_LEVEL || 'info',
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    testDelayInPushMs: positiveInt('TEST_DELAY_IN_PUSH_MS', env.TEST_DELAY_IN_PUSH_MS, 0),
    ...overrides,
  };
}

/** Where the data lives, for humans; never includes a password. */
export function describeDatabase(db: DatabaseConfig): string {
  if (db.dialect === 'sqlite') return `SQLite ${path.isAbsolute(db.file) || db.file.startsWith('.') ? db.file : `./${db.file}`}`;
  const u = new URL(db.url);
  return `PostgreSQL ${u.hostname}:${u.port || 5432}${u.pathname}`;
}
