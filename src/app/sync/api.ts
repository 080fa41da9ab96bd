// The three sync endpoints, as plain fetch calls (no zod here: this file sits behind the first screen).
import type { Change, PullResponse, PushResponse, RegisterDeviceResponse } from '../../shared/sync.ts';
import type { OutboxEntry } from '../data/db.ts';

export type DeviceIdentity = { deviceId: string; token: string };

/** What the server said with a non-2xx answer: `error` (e.g. 'device-signed-out'), `field` (e.g. 'mutations.3.record.note'). */
export type SyncErrorBody = { error?: string; field?: string; lastSeq?: number };

/** A non-2xx answer from the server; `lastSeq` is set for a 409 seq gap. */
export class SyncHttpError extends Error {
  readonly lastSeq?: number;
  constructor(readonly status: number, readonly body: SyncErrorBody = {}) {
    super(`Sync request failed with HTTP ${status}`);
    this.lastSeq = typeof body.lastSeq === 'number' ? body.lastSeq : undefined;
  }

  /** The server signed this phone out (restored on a new phone, or removed from "my devices"). */
  get signedOut(): boolean {
    return this.status === 401 && this.body.error === 'device-signed-out';
  }
}

const BASE = '/api/v1';

async function request<T>(path: string, init: RequestInit, token?: string): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${BASE}${path}`, { ...init, headers, cache: 'no-store', credentials: 'omit' });
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    throw new SyncHttpError(response.status, {
      error: typeof body.error === 'string' ? body.error : undefined,
      field: typeof body.field === 'string' ? body.field : undefined,
      lastSeq: typeof body.lastSeq === 'number' ? body.lastSeq : undefined,
    });
  }
  return (await response.json()) as T;
}

export function registerDevice(): Promise<RegisterDeviceResponse> {
  return request<RegisterDeviceResponse>('/devices', { method: 'POST', body: '{}' });
}

export function pushMutations(identity: DeviceIdentity, mutations: OutboxEntry[]): Promise<PushResponse> {
  const body = JSON.stringify({ deviceId: identity.deviceId, mutations });
  return request<PushResponse>('/sync/push', { method: 'POST', body }, identity.token);
}

export function pullChanges(identity: DeviceIdentity, cursor: number): Promise<PullResponse> {
  return request<PullResponse>(`/sync/pull?cursor=${cursor}`, { method: 'GET' }, identity.token);
}

export type { Change };
