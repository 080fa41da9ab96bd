// Row types for the directory tables (migration 002), joined onto the foundation's tables for Kysely.
import type { Kysely } from 'kysely';

import type { Store } from '../store/database.ts';
import type { Database } from '../store/tables.ts';

interface ServiceSourcesTable { service_id: string; source: string }
interface ServiceReportsTable { id: string; service_id: string; reason: string; created_at: string }

export interface DirectoryDatabase extends Database {
  service_sources: ServiceSourcesTable;
  service_reports: ServiceReportsTable;
}

/** The store's Kysely, typed with the directory tables too. */
export const directoryDb = (store: Store) => store.db as unknown as Kysely<DirectoryDatabase>;
