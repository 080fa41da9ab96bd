// A feature's call to our server as this phone (its device token), through the one API client (api.ts).
import { ApiError, callApi, type DeviceIdentity, OfflineError } from './api.ts';
import { knownIdentity } from './identity.ts';
import { forgetThisPhone } from './signedOut.ts';
import { syncNow } from './syncClient.ts';

async function identity(create: boolean): Promise<DeviceIdentity> {
  const known = await knownIdentity();
  if (known) return known;
  if (!create) throw new OfflineError('No device identity yet');
  // The first sync makes this phone's identity; sharing needs one too.
  await syncNow();
  const made = await knownIdentity();
  if (!made) throw new OfflineError('No device identity yet');
  return made;
}

/**
 * `signedIn`: true makes this phone's identity if it has none yet; 'if-known' never does (background status checks);
 * false calls without one (restoring with a recovery code). Throws OfflineError or ApiError.
 */
export async function callAsThisPhone<T>(method: string, path: string, body?: unknown, signedIn: boolean | 'if-known' = true): Promise<T> {
  const token = signedIn ? (await identity(signedIn === true)).token : undefined;
  try {
    return await callApi<T>(method, path, body, token);
  } catch (error) {
    // Signed out by its person (restored on a new phone): wipe, as the sync client does, whichever call heard it first.
    if (error instanceof ApiError && error.signedOut) await forgetThisPhone();
    throw error;
  }
}
