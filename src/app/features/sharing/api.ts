// Calls to the sharing API with this phone's device token. No zod here: the server checks every body.
import { db } from '../../data/db.ts';
import type { DeviceIdentity } from '../../sync/api.ts';
import { forgetThisPhone } from '../../sync/signedOut.ts';
import { syncNow } from '../../sync/syncClient.ts';
import { META } from '../../data/meta.ts';

/** The phone could not reach the server (offline, or the server is down). */
export class OfflineError extends Error {}

/** The server said no; `body.message` is written for a person to read, `body.field` names a bad input. */
export class SharingHttpError extends Error {
  constructor(readonly status: number, readonly body: { error?: string; message?: string; field?: string; retryAfterSeconds?: number }) {
    super(body.message ?? `HTTP ${status}`);
  }
}

async function identity(create: boolean): Promise<DeviceIdentity> {
  const known = (await db.meta.get(META.identity))?.value as DeviceIdentity | undefined;
  if (known) return known;
  if (!create) throw new OfflineError('No device identity yet');
  // The first sync makes this phone's identity; sharing needs one too.
  await syncNow();
  const made = (await db.meta.get(META.identity))?.value as DeviceIdentity | undefined;
  if (!made) throw new OfflineError('No device identity yet');
  return made;
}

/** `signedIn: 'if-known'` never creates a device identity (for background status checks). */
export async function sendJson<T>(method: string, path: string, body?: unknown, signedIn: boolean | 'if-known' = true): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (signedIn) headers.authorization = `Bearer ${(await identity(signedIn === true)).token}`;
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), cache: 'no-store', credentials: 'omit' });
  } catch {
    throw new OfflineError('Network error');
  }
  const json = await response.json().catch(() => ({}));
  // Signed out by its person (restored on a new phone): wipe, as the sync client does, whichever call heard it first.
  if (response.status === 401 && (json as { error?: string }).error === 'device-signed-out') await forgetThisPhone();
  if (!response.ok) throw new SharingHttpError(response.status, json);
  return json as T;
}
