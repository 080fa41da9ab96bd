// Every key of the phone's `meta` table, in one place: a key typed as a raw string in two files is how a rename
// silently splits one fact into two (the sharing status once had two homes). Constants only, with no imports:
// the database's own middleware (lock/encryptAtRest.ts) reads them while the database module is still loading.

export const META = {
  /** This phone's device identity on the server ({ deviceId, token }). */
  identity: 'device',
  /** Sync: how far this phone has pulled, and the last outbox seq the server acknowledged. */
  cursor: 'syncCursor',
  ackedSeq: 'ackedSeq',
  /** Sync: when the last round succeeded, and whether the last round did. */
  lastSyncAt: 'lastSyncAt',
  lastSyncOk: 'lastSyncOk',
  /** My PA: the connection status the server last gave (shown offline too). */
  myPaStatus: 'myPaStatus',
  /** Signed out by its person (restored elsewhere, removed from "my devices", or deleted everywhere). */
  signedOut: 'signedOut',
  /** What "delete my data" removed, shown once afterwards. */
  deletedMyData: 'deletedMyData',
  /** The PIN lock (wrapped key, salt) and the count of wrong PINs. */
  pinLock: 'pinLock',
  pinAttempts: 'pinAttempts',
  /** The private half of the key pair that seals what is pulled while locked (itself sealed under the data key). */
  holdingPrivateKey: 'holdingKey',
  /** Saved places sealed again once without their readable serviceId (Dexie version 8). */
  favouritesResealed: 'favouritesResealed',
  /** My plan: steps the PA suggested, and the ones answered here (so they are not offered again). */
  planSuggestions: 'planSuggestions',
  planSuggestionsAnswered: 'planSuggestionsAnswered',
} as const;

export type MetaKey = (typeof META)[keyof typeof META];

