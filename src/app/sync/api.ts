// The three sync endpoints, as plain fetch calls (no zod here: this file sits behind the first screen).
import type { Change, PullResponse, PushResponse, RegisterDeviceResponse } from '../../shared/sync.ts';
import type { OutboxEntry } from '../data/db.ts';

export type DeviceIdentity = { deviceId: string; token: string };

/** A non-2xx answer from the server; `lastSeq` is set for a 409 seq gap. */
export class SyncHttpError extends Error {
  constructor(readonly status: number, readonly lastSeq?: number) {
    super(`Sync request failed with HTTP ${status}`);
  }
}

const BASE = '/api/v1';

async function request<T>(path: string, init: RequestInit, token?: string): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(`${BASE}${path}`, { ...init, headers, cache: 'no-store', credentials: 'omit' });
  if (!response.ok) {
    let lastSeq: number | undefined;
    if (response.status === 409) {
      const body = (await response.json().catch(() => ({}))) as { lastSeq?: unknown };
      if (typeof body.lastSeq === 'number') lastSeq = body.lastSeq;
    }
    throw new SyncHttpError(response.status, lastSeq);
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
