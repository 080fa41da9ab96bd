// A small in-test sync client that behaves like the real one: local store + outbox, push from the lowest
// unacknowledged seq in batches, drop what the server acknowledged, pull then re-apply pending outbox on top.
import type { FastifyInstance } from 'fastify';

import type { Checkin } from '../../../src/shared/checkins.ts';
import type { Mutation, PullResponse } from '../../../src/shared/sync.ts';
import { auth, deleteRecord, type Device, putCheckin } from './api.ts';

export type PushOutcome = { status: number; sent: Mutation[]; lastSeq?: number };

/** How a test phone reaches the server: in-process (inject) or over real HTTP to a server process. */
export type Transport = (method: 'GET' | 'POST', url: string, device?: Device, body?: unknown) => Promise<{ status: number; body: string }>;

export const viaInject = (server: () => FastifyInstance): Transport => async (method, url, device, body) => {
  const res = await server().inject({ method, url, headers: device ? auth(device) : {}, ...(body === undefined ? {} : { payload: body as object }) });
  return { status: res.statusCode, body: res.body };
};

/** Over HTTP to `baseUrl()`; a connection that breaks (the server was killed) answers status 0. */
export const viaHttp = (baseUrl: () => string): Transport => async (method, url, device, body) => {
  try {
    const res = await fetch(baseUrl() + url, {
      method,
      headers: { ...(device ? auth(device) : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: await res.text() };
  } catch {
    return { status: 0, body: '' };
  }
};

/** Every change the server has for `device`, page by page. */
export async function pullEverything(send: Transport, device: Device): Promise<PullResponse> {
  const all: PullResponse = { changes: [], cursor: 0, hasMore: true, lastSeq: 0 };
  while (all.hasMore) {
    const res = await send('GET', `/api/v1/sync/pull?cursor=${all.cursor}&limit=1000`, device);
    if (res.status !== 200) throw new Error(`pull answered ${res.status}: ${res.body}`);
    const page = JSON.parse(res.body) as PullResponse;
    all.changes.push(...page.changes);
    Object.assign(all, { cursor: page.cursor, hasMore: page.hasMore, lastSeq: page.lastSeq });
  }
  return all;
}

export class TestPhone {
  readonly local = new Map<string, Checkin>();
  outbox: Mutation[] = [];
  nextSeq = 1;
  cursor = 0;
  /** Highest seq the server has told this phone it has. */
  ackedSeq = 0;
  online = true;

  constructor(readonly device: Device, private readonly send: Transport, private readonly batchSize: number) {}

  put(record: Checkin): void {
    this.local.set(record.id, record);
    this.outbox.push(putCheckin(this.nextSeq++, record));
  }

  remove(id: string): void {
    this.local.delete(id);
    this.outbox.push(deleteRecord(this.nextSeq++, id));
  }

  /** Sends the next batch. `sends` > 1 repeats the request (a duplicate); `loseResponse` ignores the answer. */
  async push(sends = 1, loseResponse = false): Promise<PushOutcome[]> {
    if (!this.online || this.outbox.length === 0) return [];
    const sent = this.outbox.slice(0, this.batchSize);
    const outcomes: PushOutcome[] = [];
    for (let i = 0; i < sends; i++) {
      const res = await this.send('POST', '/api/v1/sync/push', this.device, { deviceId: this.device.deviceId, mutations: sent });
      const outcome: PushOutcome = { status: res.status, sent };
      if (res.status === 200) outcome.lastSeq = (JSON.parse(res.body) as { lastSeq: number }).lastSeq;
      outcomes.push(outcome);
      if (!loseResponse && outcome.lastSeq !== undefined) this.acknowledge(outcome.lastSeq);
    }
    return outcomes;
  }

  async pull(): Promise<number> {
    if (!this.online) return 0;
    let applied = 0;
    for (;;) {
      const res = await this.send('GET', `/api/v1/sync/pull?cursor=${this.cursor}&limit=2`, this.device);
      if (res.status !== 200) throw new Error(`pull answered ${res.status}: ${res.body}`);
      const page = JSON.parse(res.body) as PullResponse;
      for (const change of page.changes) {
        if (change.kind !== 'checkin') continue;
        if (change.deleted) this.local.delete(change.id);
        else this.local.set(change.id, change.record as Checkin);
        applied++;
      }
      this.cursor = page.cursor;
      this.acknowledge(page.lastSeq);
      if (!page.hasMore) break;
    }
    // Rebase: what this phone wrote but the server hasn't confirmed still wins locally.
    for (const m of this.outbox) {
      if (m.op === 'delete') this.local.delete(m.id);
      else this.local.set(m.id, m.record as Checkin);
    }
    return applied;
  }

  private acknowledge(lastSeq: number): void {
    this.ackedSeq = Math.max(this.ackedSeq, lastSeq);
    this.outbox = this.outbox.filter((m) => m.seq > lastSeq);
  }
}
