// Sync push throughput over real HTTP, beside raw Kysely inserts of the same rows into the same database.
// The ratio says how much the protocol (validation, auth, versions, lastSeq) costs over writing the rows at all.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { buildServer } from '../../src/server/app.ts';
import { loadConfig, type DatabaseConfig } from '../../src/server/config.ts';

export const CHECKINS = Number(process.env.BENCH_CHECKINS || 4000);
export const BATCH = 50;
const WARM_UP = 500;
const ROUNDS = 3;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export type ThroughputResult = {
  database: 'SQLite' | 'PostgreSQL';
  mutations: number;
  pushPerSecond: number;
  rawPerSecond: number;
  ratio: number;
};

// Invented check-ins (no real person): a mood, a couple of areas and a short note, like a typical one.
function checkin(i: number) {
  const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
  return {
    id: randomUUID(), at, mood: (i % 5) + 1, hard: ['money'], good: ['people'], feelings: ['tired', 'hopeful'],
    note: `Example benchmark note ${i}`, sharedWithPa: false, updatedAt: at,
  };
}

async function timed(work: () => Promise<void>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

export async function measureThroughput(database: DatabaseConfig, label: ThroughputResult['database']): Promise<ThroughputResult> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-sync-'));
  const config = loadConfig({}, { dataDir, database, port: 0, host: '127.0.0.1', logLevel: 'warn', rateLimitPerMinute: 1_000_000, staticDir: dataDir });
  const app = await buildServer(config);
  try {
    const origin = await app.listen({ port: 0, host: '127.0.0.1' });
    const registered = await fetch(`${origin}/api/v1/devices`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    if (registered.status !== 201) throw new Error(`Registering a bench device failed: HTTP ${registered.status} ${await registered.text()}`);
    const { deviceId, token } = (await registered.json()) as { deviceId: string; token: string };
    const clientTime = new Date().toISOString();
    let seq = 0;

    const pushBatches = async (count: number) => {
      for (let start = 0; start < count; start += BATCH) {
        const mutations = Array.from({ length: BATCH }, (_, j) => {
          const record = checkin(start + j);
          return { seq: ++seq, kind: 'checkin', op: 'put', id: record.id, record, clientTime };
        });
        const response = await fetch(`${origin}/api/v1/sync/push`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({ deviceId, mutations }),
        });
        if (!response.ok) throw new Error(`Push failed: HTTP ${response.status} ${await response.text()}`);
      }
    };

    // The same rows written straight into the same table, one insert each, in transactions of 50.
    const person = await app.store.db.selectFrom('devices').select('person_id').where('id', '=', deviceId).executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    let version = 10_000_000;
    const insertBatches = async (count: number) => {
      for (let start = 0; start < count; start += BATCH) {
        await app.store.db.transaction().execute(async (trx) => {
          for (let j = 0; j < BATCH; j++) {
            const record = checkin(start + j);
            await trx.insertInto('records').values({
              id: record.id, person_id: person.person_id, kind: 'checkin', version: version++, deleted: 0, data: JSON.stringify(record), updated_at: now,
            }).execute();
          }
        });
      }
    };

    // Warm both paths up first (JIT, statement caches), so neither pays start-up costs in its timing.
    await pushBatches(WARM_UP);
    await insertBatches(WARM_UP);
    // Alternate the two in rounds and keep the median of each: the machine is shared, so one slow moment must not decide.
    const pushRates: number[] = [];
    const rawRates: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      pushRates.push(CHECKINS / (await timed(() => pushBatches(CHECKINS))));
      rawRates.push(CHECKINS / (await timed(() => insertBatches(CHECKINS))));
    }
    const pushPerSecond = median(pushRates);
    const rawPerSecond = median(rawRates);
    return { database: label, mutations: CHECKINS, pushPerSecond, rawPerSecond, ratio: pushPerSecond / rawPerSecond };
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export async function sqliteThroughput(): Promise<ThroughputResult> {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-sqlite-'));
  try {
    return await measureThroughput({ dialect: 'sqlite', file: path.join(dir, 'app.sqlite') }, 'SQLite');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs in its own throwaway database so it never disturbs the server tests sharing the `test` database. */
export async function postgresThroughput(adminUrl = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test'): Promise<ThroughputResult> {
  const name = `bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return await measureThroughput({ dialect: 'postgres', url: url.toString() }, 'PostgreSQL');
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
    await admin.end();
  }
}
