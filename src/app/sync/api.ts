// The one way the phone talks to our server: JSON in and out, never from a cache, never with cookies. Every call,
// the sync endpoints below and every feature's (through callAsThisPhone.ts), goes through callApi; static data files
// through fetchFile. No zod here: this file sits behind the first screen, and the server checks every body.
import type { Change, PullResponse, PushResponse, RegisterDeviceResponse } from '../../shared/sync.ts';
import type { OutboxEntry } from '../data/db.ts';

export type DeviceIdentity = { deviceId: string; token: string };

/** The phone could not reach the server (offline, or the server is down). */
export class OfflineError extends Error {}

/**
 * What the server said with a non-2xx answer: `error` (e.g. 'device-signed-out'), `field` (e.g.
 * 'mutations.3.record.note'), `message` (written for a person), `retryAfterSeconds`, and `lastSeq` for a 409 seq gap.
 */
export type ApiErrorBody = { error?: string; message?: string; field?: string; retryAfterSeconds?: number; lastSeq?: number };

/** A non-2xx answer from the server. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly body: ApiErrorBody = {}) {
    super(body.message ?? `HTTP ${status}`);
  }

  get lastSeq(): number | undefined {
    return this.body.lastSeq;
  }

  /** The server signed this phone out (restored on a new phone, or removed from "my devices"). */
  get signedOut(): boolean {
    return this.status === 401 && this.body.error === 'device-signed-out';
  }
}

const BASE = '/api/v1';

/** Only the fields we know, each only with its own type: an answer never smuggles anything else in. */
function errorBody(json: unknown): ApiErrorBody {
  const body = (json && typeof json === 'object' ? json : {}) as Record<string, unknown>;
  const text = (key: string) => (typeof body[key] === 'string' ? body[key] : undefined);
  const number = (key: string) => (typeof body[key] === 'number' ? body[key] : undefined);
  return { error: text('error'), message: text('message'), field: text('field'), retryAfterSeconds: number('retryAfterSeconds'), lastSeq: number('lastSeq') };
}

/** Calls `/api/v1${path}`; throws OfflineError when the server can't be reached, ApiError when it says no. */
export async function callApi<T>(method: string, path: string, body?: unknown, token?: string): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(`${BASE}${path}`, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store', credentials: 'omit',
    });
  } catch {
    throw new OfflineError('Network error');
  }
  const json: unknown = await response.json().catch(() => ({}));
  if (!response.ok) throw new ApiError(response.status, errorBody(json));
  return json as T;
}

/** A static file of the app's own (e.g. postcode-district centres); the service worker may answer from its cache. */
export async function fetchFile(path: string): Promise<Response> {
  const response = await fetch(path);
  if (!response.ok) throw new ApiError(response.status);
  return response;
}

export function registerDevice(): Promise<RegisterDeviceResponse> {
  return callApi<RegisterDeviceResponse>('POST', '/devices', {});
}

export function pushMutations(identity: DeviceIdentity, mutations: OutboxEntry[]): Promise<PushResponse> {
  return callApi<PushResponse>('POST', '/sync/push', { deviceId: identity.deviceId, mutations }, identity.token);
}

export function pullChanges(identity: DeviceIdentity, cursor: number): Promise<PullResponse> {
  return callApi<PullResponse>('GET', `/sync/pull?cursor=${cursor}`, undefined, identity.token);
}

export type { Change };
