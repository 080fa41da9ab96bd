// Row types for every table, as Kysely sees them. Times are ISO 8601 UTC text; flags are 0/1 (portable to SQLite).
import type { Generated, Kysely, Transaction } from 'kysely';

import type { DirectoryTables } from '../directory/tables.ts';
import type { RemindersTables } from '../reminders/tables.ts';
import type { SharingTables } from '../sharing/tables.ts';

interface PeopleTable {
  id: string;
  created_at: string;
}

interface DevicesTable {
  id: string;
  person_id: string;
  /** SHA-256 (hex) of the bearer token; the token itself is never stored. */
  token_hash: string;
  last_seq: number;
  created_at: string;
  last_seen_at: string;
  revoked_at: string | null;
  /** The highest pull cursor this phone has sent: it holds every change up to here (see retention/retention.ts). */
  pulled_version: Generated<number>;
}

export interface RecordsTable {
  id: string;
  person_id: string;
  kind: string;
  version: number;
  deleted: number;
  /** The record as JSON text; null for a tombstone. */
  data: string | null;
  updated_at: string;
}

interface ServicesTable {
  id: string;
  version: number;
  deleted: number;
  data: string | null;
}

interface SyncMetaTable {
  id: number;
  version: number;
}

interface LinkCodesTable {
  code_hash: string;
  person_id: string;
  expires_at: string;
  used_at: string | null;
}

/** Add a table here when a migration adds it. */
/** The foundation's tables (migration 001): people, their phones and records, the directory's services. */
interface FoundationTables {
  people: PeopleTable;
  devices: DevicesTable;
  records: RecordsTable;
  services: ServicesTable;
  sync_meta: SyncMetaTable;
  link_codes: LinkCodesTable;
}

/** Migration 011: a phone signed out for good (its token is refused with "signed out", never re-registered). */
interface SignedOutTokensTable { token_hash: string; signed_out_at: string }
/** Migration 011: "someone stopped using the app" for the PA's caseload (when, never who). */
interface StoppedUsingTable { id: string; pa_id: string; stopped_at: string }

/**
 * Every table, as one type for the one Kysely (`store.db`): each feature lists its own tables beside its code
 * (sharing/tables.ts, reminders/tables.ts, directory/tables.ts) and they meet here, so no code needs to cast to reach them.
 */
export interface Database extends FoundationTables, SharingTables, RemindersTables, DirectoryTables {
  signed_out_tokens: SignedOutTokensTable;
  stopped_using: StoppedUsingTable;
}

/** The database, or a transaction on it: what a function that reads or writes inside either takes. */
export type Db = Kysely<Database> | Transaction<Database>;

