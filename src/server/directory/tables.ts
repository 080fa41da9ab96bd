// Row types for the directory tables (migration 002), part of the one Database type (store/tables.ts).

interface ServiceSourcesTable { service_id: string; source: string }
interface ServiceReportsTable { id: string; service_id: string; reason: string; created_at: string }

export interface DirectoryTables {
  service_sources: ServiceSourcesTable;
  service_reports: ServiceReportsTable;
}
