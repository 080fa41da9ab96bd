// 500 phones at once: each registers (POST /devices) and then pushes a small outbox (POST /sync/push), all started
// together on their own connections, as when a whole area's phones come back online at once. Beside it, the anchor:
// one phone doing the same alone. Reported per database: errors, p50/p99/max of each step, and the anchor's times.
// The server runs in its own process (as `npm start` runs it); the phones are this process.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';

import pg from 'pg';

import { startServer } from '../e2e/harness.ts';

export const PHONES = Number(process.env.BENCH_LOAD_PHONES || 500);
const CHECKINS_EACH = 5;
const ANCHOR_RUNS = 20;

export type LoadResult = {
  database: 'SQLite' | 'PostgreSQL';
  phones: number;
  errors: number;
  /** Milliseconds from the start of the burst until each phone's answer. */
  register: { p50: number; p99: number; max: number };
  push: { p50: number; p99: number; max: number };
  /** One phone alone: median milliseconds for registering, and for one push. */
  anchor: { register: number; push: number };
};

const quantile = (values: number[], q: number) => {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
};
const spread = (values: number[]) => ({ p50: quantile(values, 0.5), p99: quantile(values, 0.99), max: Math.max(...values) });

/** One request on a fresh connection (a phone is another machine: no shared keep-alive pool). */
function post(url: string, body: string, token?: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve) => {
    const request = http.request(url, {
      agent: false, method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(token && { authorization: `Bearer ${token}` }) },
    }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (c: Buffer) => chunks.push(c));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
      response.on('error', () => resolve({ status: 0, text: '' }));
    });
    request.on('error', () => resolve({ status: 0, text: '' }));
    request.end(body);
  });
}

// Invented check-ins (no real person).
function outbox(deviceId: string): string {
  const clientTime = new Date().toISOString();
  const mutations = Array.from({ length: CHECKINS_EACH }, (_, i) => {
    const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
    const record = { id: randomUUID(), at, mood: (i % 5) + 1, hard: [], good: ['people'], feelings: [], note: `Example load note ${i}`, sharedWithPa: false, updatedAt: at };
    return { seq: i + 1, kind: 'checkin', op: 'put', id: record.id, record, clientTime };
  });
  return JSON.stringify({ deviceId, mutations });
}

/** What one phone does; times in ms from `start`. */
async function phone(origin: string, start: number): Promise<{ register?: number; push?: number; error: boolean }> {
  const registered = await post(`${origin}/api/v1/devices`, '{}');
  const register = performance.now() - start;
  if (registered.status !== 201) return { register, error: true };
  const { deviceId, token } = JSON.parse(registered.text) as { deviceId: string; token: string };
  const pushed = await post(`${origin}/api/v1/sync/push`, outbox(deviceId), token);
  return { register, push: performance.now() - start, error: pushed.status !== 200 };
}

async function measureLoad(postgresUrl: string | undefined, database: LoadResult['database']): Promise<LoadResult> {
  // Only the API is loaded here, so the server needs no built app: an empty stand-in folder will do.
  const staticDir = mkdtempSync(path.join(tmpdir(), 'bench-load-static-'));
  for (const file of ['index.html', 'sw.js']) writeFileSync(path.join(staticDir, file), '');
  const server = await startServer({ staticDir, env: { DATABASE_URL: postgresUrl ?? '', RATE_LIMIT_PER_MINUTE: '1000000', SEED_DIRECTORY: 'off', REMINDERS: 'off' } });
  try {
    return await loadAgainst(server.origin, database);
  } finally {
    await server.stop();
  }
}

/** The anchor, then the burst, against a running server at `origin`. */
async function loadAgainst(origin: string, database: LoadResult['database']): Promise<LoadResult> {
  // The anchor first, on a quiet server (after a few to warm up).
  const anchorRegister: number[] = [];
  const anchorPush: number[] = [];
  for (let i = 0; i < ANCHOR_RUNS + 5; i++) {
    const start = performance.now();
    const one = await phone(origin, start);
    if (i >= 5 && !one.error) {
      anchorRegister.push(one.register!);
      anchorPush.push(one.push! - one.register!);
    }
  }
  const start = performance.now();
  const results = await Promise.all(Array.from({ length: PHONES }, () => phone(origin, start)));
  return {
    database, phones: PHONES,
    errors: results.filter((r) => r.error).length,
    register: spread(results.flatMap((r) => (r.register === undefined ? [] : [r.register]))),
    push: spread(results.flatMap((r) => (r.push === undefined ? [] : [r.push]))),
    anchor: { register: quantile(anchorRegister, 0.5), push: quantile(anchorPush, 0.5) },
  };
}

export function sqliteLoad(): Promise<LoadResult> {
  return measureLoad(undefined, 'SQLite');
}

/** In its own throwaway database, so it never disturbs the server tests sharing the `test` database. */
export async function postgresLoad(adminUrl = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test'): Promise<LoadResult> {
  const name = `bench_load_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return await measureLoad(url.toString(), 'PostgreSQL');
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
    await admin.end();
  }
}

// Run alone: `node --import tsx tests/bench/load.ts [sqlite|postgres]`.
if (import.meta.url === `file://${process.argv[1]}`) {
  const which = process.argv[2] ?? 'sqlite';
  const result = which.startsWith('http') ? await loadAgainst(which, 'SQLite') : which === 'postgres' ? await postgresLoad() : await sqliteLoad();
  console.log(JSON.stringify(result, null, 2));
}
