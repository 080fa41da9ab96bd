// Sync push throughput over real HTTP, beside raw Kysely inserts of the same rows into the same database.
// The ratio says how much the protocol (HTTP, validation, auth, versions, lastSeq) costs over writing the same rows at all.
// The server runs in its own process, as `npm start` runs it: a phone is another machine, so the bench's HTTP client
// must not take the server's own thread. The raw inserts run here, over a second connection to the same database.
// Two loads: one phone sending its outbox batch after batch (each push waits for the answer to the one before, so the
// round trip counts in full), and several phones at once, as when many come back online together (the server is then
// never idle between pushes; SQLite still writes one transaction at a time).
import { randomUUID } from 'node:crypto';
import http from 'node:http';

import pg from 'pg';

import type { DatabaseConfig } from '../../src/server/config.ts';
import { openStore } from '../../src/server/store/database.ts';
import { startServer } from '../e2e/harness.ts';
import { median } from './runs.ts';

const CHECKINS = Number(process.env.BENCH_CHECKINS || 4000);
const BATCH = 50;
const WARM_UP = 1000;
// Nine rounds: a disk whose fsync time wanders by ±20% from minute to minute needs that many for a steady median.
const ROUNDS = Number(process.env.BENCH_ROUNDS || 9);
// Each round alternates the two sides in slices this big, so a busy moment on the shared machine hits both alike.
const SLICE = 500;

export type ThroughputResult = {
  database: 'SQLite' | 'PostgreSQL';
  /** How many phones pushed at once, each one batch at a time. */
  phones: number;
  mutations: number;
  rounds: number;
  /** Medians over the rounds. */
  pushPerSecond: number;
  rawPerSecond: number;
  /** Median of each round's push/raw (both sides of a round measured interleaved, so they share its load). */
  ratio: number;
  /** The lowest and highest round's push/raw, to show how far one round can be from the median on this machine. */
  ratioRange: [number, number];
  /** For reference: the same rows written one INSERT per row (the slower way to write them). */
  rawOneByOnePerSecond: number;
};

// Invented check-ins (no real person): a mood, a couple of areas and a short note, like a typical one.
function checkin(i: number) {
  const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
  return {
    id: randomUUID(), at, mood: (i % 5) + 1, hard: ['money'], good: ['people'], feelings: ['tired', 'hopeful'],
    note: `Example benchmark note ${i}`, sharedWithPa: false, updatedAt: at,
  };
}
type Checkin = ReturnType<typeof checkin>;

/** `count` fresh check-ins in batches of BATCH, made before the clock starts so neither side pays for making them. */
function batchesOf(count: number, from: number): Checkin[][] {
  return Array.from({ length: Math.ceil(count / BATCH) }, (_, b) => Array.from({ length: BATCH }, (_, j) => checkin(from + b * BATCH + j)));
}

async function timed(work: () => Promise<void>): Promise<number> {
  const start = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

/**
 * On PostgreSQL at `postgresUrl`, or (without it) on the server's own SQLite file in its data folder, with `phones`
 * phones pushing at once (each on its own kept-alive connection, each waiting for its answer before its next push).
 */
async function measureThroughput(postgresUrl: string | undefined, label: ThroughputResult['database'], phones = 1): Promise<ThroughputResult> {
  const server = await startServer({
    env: {
      DATABASE_URL: postgresUrl ?? '',
      RATE_LIMIT_PER_MINUTE: '1000000', SEED_DIRECTORY: 'off', REMINDERS: 'off',
    },
  });
  const database: DatabaseConfig = postgresUrl ? { dialect: 'postgres', url: postgresUrl } : { dialect: 'sqlite', file: server.sqliteFile };
  const store = openStore(database);
  const connections = new http.Agent({ keepAlive: true, maxSockets: phones });
  try {
    const origin = server.origin;
    const devices: { deviceId: string; token: string; seq: number }[] = [];
    for (let p = 0; p < phones; p++) {
      const registered = await fetch(`${origin}/api/v1/devices`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      if (registered.status !== 201) throw new Error(`Registering a bench device failed: HTTP ${registered.status} ${await registered.text()}`);
      devices.push({ ...((await registered.json()) as { deviceId: string; token: string }), seq: 0 });
    }
    const clientTime = new Date().toISOString();
    let made = 0;
    const rows = (count: number) => {
      const batches = batchesOf(count, made);
      made += count;
      return batches;
    };

    // What a phone does: one HTTP push of BATCH check-ins at a time, each waiting for its answer. The batches are dealt
    // out to the phones in turn. The bodies are made before the clock starts (the phone's own work, on its own CPU),
    // so the timing is the server's and HTTP's.
    const pushBodies = (batches: Checkin[][]) => devices.map((device, p) => batches.filter((_, b) => b % phones === p).map((batch) => JSON.stringify({
      deviceId: device.deviceId, mutations: batch.map((record) => ({ seq: ++device.seq, kind: 'checkin', op: 'put', id: record.id, record, clientTime })),
    })));
    const pushBatches = async (bodiesPerPhone: string[][]) => {
      await Promise.all(devices.map(async (device, p) => {
        for (const body of bodiesPerPhone[p]) await postOverKeptConnection(connections, `${origin}/api/v1/sync/push`, device.token, body);
      }));
    };

    // The anchor: the same rows written straight into the same table, one multi-row INSERT per transaction of BATCH
    // (the way a push writes them, so the ratio prices the protocol, not a slower way of writing).
    const person = await store.db.selectFrom('devices').select('person_id').where('id', '=', devices[0].deviceId).executeTakeFirstOrThrow();
    const now = new Date().toISOString();
    let version = 10_000_000;
    const asRow = (record: Checkin) => ({
      id: record.id, person_id: person.person_id, kind: 'checkin', version: version++, deleted: 0, data: JSON.stringify(record), updated_at: now,
    });
    const insertBatches = async (batches: Checkin[][]) => {
      for (const batch of batches) {
        await store.db.transaction().execute(async (trx) => {
          await trx.insertInto('records').values(batch.map(asRow)).execute();
        });
      }
    };
    const insertOneByOne = async (batches: Checkin[][]) => {
      for (const batch of batches) {
        await store.db.transaction().execute(async (trx) => {
          for (const record of batch) await trx.insertInto('records').values(asRow(record)).execute();
        });
      }
    };

    // Warm every path up first (JIT, caches), so none pays start-up costs in its timing.
    await pushBatches(pushBodies(rows(WARM_UP)));
    await insertBatches(rows(WARM_UP));
    await insertOneByOne(rows(WARM_UP));
    const pushRates: number[] = [];
    const rawRates: number[] = [];
    const oneByOneRates: number[] = [];
    const ratios: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      let pushSeconds = 0;
      let rawSeconds = 0;
      let oneByOneSeconds = 0;
      for (let done = 0; done < CHECKINS; done += SLICE) {
        const size = Math.min(SLICE, CHECKINS - done);
        const [forPush, forRaw, forOneByOne] = [pushBodies(rows(size)), rows(size), rows(size)];
        // Swap who goes first each slice, so neither side always follows the other's fsyncs.
        if ((done / SLICE) % 2 === 0) {
          pushSeconds += await timed(() => pushBatches(forPush));
          rawSeconds += await timed(() => insertBatches(forRaw));
        } else {
          rawSeconds += await timed(() => insertBatches(forRaw));
          pushSeconds += await timed(() => pushBatches(forPush));
        }
        oneByOneSeconds += await timed(() => insertOneByOne(forOneByOne));
      }
      pushRates.push(CHECKINS / pushSeconds);
      rawRates.push(CHECKINS / rawSeconds);
      oneByOneRates.push(CHECKINS / oneByOneSeconds);
      ratios.push(rawSeconds / pushSeconds);
    }
    return {
      database: label, phones, mutations: CHECKINS, rounds: ROUNDS,
      pushPerSecond: median(pushRates), rawPerSecond: median(rawRates), ratio: median(ratios), ratioRange: [Math.min(...ratios), Math.max(...ratios)], rawOneByOnePerSecond: median(oneByOneRates),
    };
  } finally {
    connections.destroy();
    await store.close();
    await server.stop();
  }
}

// Node's own HTTP client on kept-alive connections, as a phone keeps its connection between pushes. Not fetch():
// its WHATWG layer (streams, Headers, Response) cost this bench's process about 1 ms a push, time that is the
// client's own work, which a phone does on its own CPU, yet here it would be counted against the server.
function postOverKeptConnection(agent: http.Agent, url: string, token: string, body: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, {
      agent, method: 'POST',
      headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` },
    }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        if (response.statusCode === 200) resolve();
        else reject(new Error(`Push failed: HTTP ${response.statusCode} ${Buffer.concat(chunks).toString()}`));
      });
      response.on('error', reject);
    });
    request.on('error', reject);
    request.end(body);
  });
}

export function sqliteThroughput(phones = 1): Promise<ThroughputResult> {
  return measureThroughput(undefined, 'SQLite', phones);
}

/** Runs in its own throwaway database so it never disturbs the server tests sharing the `test` database. */
export async function postgresThroughput(phones = 1, adminUrl = process.env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test'): Promise<ThroughputResult> {
  const name = `bench_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return await measureThroughput(url.toString(), 'PostgreSQL', phones);
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`).catch(() => undefined);
    await admin.end();
  }
}
