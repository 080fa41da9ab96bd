// Row types for every table, as Kysely sees them. Times are ISO 8601 UTC text; flags are 0/1 (portable to SQLite).
import type { Generated } from 'kysely';

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
export interface Database {
  people: PeopleTable;
  devices: DevicesTable;
  records: RecordsTable;
  services: ServicesTable;
  sync_meta: SyncMetaTable;
  link_codes: LinkCodesTable;
}

