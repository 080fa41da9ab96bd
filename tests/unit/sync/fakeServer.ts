// A small in-memory stand-in for the sync API, following the contract in src/shared/sync.ts.
import type { Change } from '../../../src/shared/sync.ts';
import { jsonBodyOf, urlOf } from '../helpers/fetchCalls.ts';

type Mutation = { seq: number; kind: string; op: 'put' | 'delete'; id: string; record?: Record<string, unknown> };
type Device = { token: string; lastSeq: number; revoked: boolean; signedOut?: boolean };

export class FakeSyncServer {
  devices = new Map<string, Device>();
  changes: Change[] = [];
  version = 0;
  offline = false;
  pushes: Mutation[][] = [];
  pullPageSize = 500;
  /** Force the next push to answer with this status (e.g. 500). */
  failNextPush?: number;
  /** Record ids whose puts this server refuses, like a stricter server would (400 naming the mutation's field). */
  refuseIds = new Set<string>();

  addChange(kind: Change['kind'], id: string, record: Record<string, unknown> | null) {
    this.version += 1;
    this.changes = this.changes.filter((c) => c.id !== id);
    this.changes.push({ kind, id, version: this.version, deleted: record === null, record });
  }

  fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    if (this.offline) throw new TypeError('Failed to fetch');
    const url = new URL(urlOf(input), 'http://localhost');
    const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    if (url.pathname === '/api/v1/devices' && init.method === 'POST') {
      const deviceId = crypto.randomUUID();
      const token = `token-${deviceId}`;
      this.devices.set(deviceId, { token, lastSeq: 0, revoked: false });
      return json(201, { deviceId, token });
    }
    const auth = new Headers(init.headers).get('authorization');
    const entry = [...this.devices.entries()].find(([, d]) => `Bearer ${d.token}` === auth);
    if (entry?.[1].signedOut) return json(401, { error: 'device-signed-out', message: 'This phone was signed out' });
    if (!entry || entry[1].revoked) return json(401, { error: 'unauthorised', message: 'No such device' });
    const [deviceId, device] = entry;
    if (url.pathname === '/api/v1/sync/push') {
      if (this.failNextPush) {
        const status = this.failNextPush;
        this.failNextPush = undefined;
        return json(status, { error: 'boom', message: 'Server trouble' });
      }
      const body = jsonBodyOf(init) as { deviceId: string; mutations: Mutation[] };
      if (body.deviceId !== deviceId) return json(403, { error: 'forbidden' });
      for (let i = 1; i < body.mutations.length; i++) {
        if (body.mutations[i].seq !== body.mutations[i - 1].seq + 1) return json(400, { error: 'invalid', field: `mutations.${i}.seq` });
      }
      const refused = body.mutations.findIndex((m) => this.refuseIds.has(m.id));
      if (refused >= 0) return json(400, { error: 'invalid', field: `mutations.${refused}.record.note`, message: 'Too long' });
      this.pushes.push(body.mutations);
      const fresh = body.mutations.filter((m) => m.seq > device.lastSeq);
      if (fresh.length === 0) return json(200, { lastSeq: device.lastSeq });
      if (fresh[0].seq !== device.lastSeq + 1) return json(409, { error: 'seq-gap', lastSeq: device.lastSeq });
      for (const m of fresh) this.addChange(m.kind as Change['kind'], m.id, m.op === 'delete' ? null : m.record ?? null);
      device.lastSeq = fresh[fresh.length - 1].seq;
      return json(200, { lastSeq: device.lastSeq });
    }
    if (url.pathname === '/api/v1/sync/pull') {
      const cursor = Number(url.searchParams.get('cursor') ?? 0);
      // Like the real server: a cursor ahead of the server (restored from a backup) must read everything again.
      if (cursor > this.version) return json(410, { error: 'reset', message: 'Start again from the beginning' });
      const newer = this.changes.filter((c) => c.version > cursor).sort((a, b) => a.version - b.version);
      const page = newer.slice(0, this.pullPageSize);
      const next = page.length ? page[page.length - 1].version : cursor;
      return json(200, { changes: page, cursor: next, hasMore: newer.length > page.length, lastSeq: device.lastSeq });
    }
    return json(404, { error: 'not-found' });
  };
}
