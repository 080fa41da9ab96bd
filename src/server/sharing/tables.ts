// Row types for the sharing tables (migration 004 and later), part of the one Database type (store/tables.ts).

interface StaffUsersTable { id: string; email: string; name: string; role: string; council: string; password_hash: string; working_hours: string | null; created_at: string; must_change_password: number }
interface StaffSessionsTable { token_hash: string; user_id: string; created_at: string; expires_at: string }
interface PairingCodesTable { code_hash: string; pa_id: string; created_at: string; expires_at: string; used_at: string | null; id?: string | null }
interface PaLinksTable { person_id: string; pa_id: string; council: string; name: string; linked_at: string; language?: string | null; label?: string | null; contact?: string | null }
export interface SharesTable { id: string; person_id: string; pa_id: string; kind: string; data: string; shared_at: string; seen_at: string | null; reply: string | null }
interface MonitoringConsentsTable { person_id: string; council: string; opted_in_at: string }
interface RecoveryCodesTable { person_id: string; code_hash: string; created_at: string }
interface AttemptCountersTable { key: string; tries: number; last_try_ms: number; ticket: string }
interface FigureReleasesTable { council: string; key: string; releases: string }
/** Migration 013: a step a PA suggested on a shared goal, waiting for the young person. */
export interface GoalSuggestionsTable { id: string; person_id: string; pa_id: string; goal_id: string; text: string; due: string | null; created_at: string }
export interface ShareMessagesTable { id: string; share_id: string; person_id: string; pa_id: string; author: string; body: string; at: string; seen_at: string | null }
interface ContactLogTable { id: string; person_id: string; pa_id: string; kind: string; at: string; recorded_at: string }
interface EndedLinksTable { id: string; person_id: string; pa_id: string; name: string; label: string | null; ended_at: string }
interface PaCoverTable { id: string; pa_id: string; cover_pa_id: string; council: string; starts_on: string; ends_on: string; created_by: string; created_at: string }
/** Migration 015: a PA browser's push subscription, alive as long as the session that made it. */
interface PaPushSubscriptionsTable { id: string; pa_id: string; session_hash: string; endpoint: string; p256dh: string; auth: string; language: string; created_at: string }
/** Migration 015: a "Please call me" the call alerts have considered; pushed = 1 when it reached a browser. */
interface PaPushNoticesTable { share_id: string; pa_id: string; person_id: string; at: string; pushed: number }
interface AuditLogTable { id: string; actor_id: string; action: string; person_id: string | null; at: string }

export interface SharingTables {
  staff_users: StaffUsersTable;
  staff_sessions: StaffSessionsTable;
  pairing_codes: PairingCodesTable;
  pa_links: PaLinksTable;
  shares: SharesTable;
  monitoring_consents: MonitoringConsentsTable;
  recovery_codes: RecoveryCodesTable;
  attempt_counters: AttemptCountersTable;
  audit_log: AuditLogTable;
  figure_releases: FigureReleasesTable;
  goal_suggestions: GoalSuggestionsTable;
  share_messages: ShareMessagesTable;
  contact_log: ContactLogTable;
  ended_links: EndedLinksTable;
  pa_cover: PaCoverTable;
  pa_push_subscriptions: PaPushSubscriptionsTable;
  pa_push_notices: PaPushNoticesTable;
}
