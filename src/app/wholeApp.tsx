// Everything beyond the first-start language list: the app's screens, its router and the phone's database. Its own
// chunk, so that on a first start the phone evaluates only React, the words and the list before the list answers a
// tap (docs/architecture.md "First paint"); a returning start loads it at once, beside the words.
import { lockAtStart, lockInBackground } from './data/lock/start.ts';
import { openLocalStore, type StorageMode } from './data/storage.ts';

export { App } from './App.tsx';

/** Opens the phone's database and learns whether a PIN locks it: done before anything personal is drawn. */
export async function openStorage(): Promise<StorageMode> {
  const storage = openLocalStore();
  // With a PIN, the first frame is already the lock screen: nothing personal is drawn before it.
  await lockAtStart();
  lockInBackground();
  return storage;
}
