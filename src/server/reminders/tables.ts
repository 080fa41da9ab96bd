// Row types for the reminder tables (migration 003), part of the one Database type (store/tables.ts).

interface PushSubscriptionsTable {
  id: string; device_id: string; person_id: string; endpoint: string; p256dh: string; auth: string;
  language: string; words: string; created_at: string;
}

type ReminderState = 'pending' | 'sending' | 'sent' | 'missed' | 'gone';

export interface DueRemindersTable {
  id: string; person_id: string; appointment_id: string; minutes_before: number; starts_at: string; due_at: string;
  state: ReminderState; claimed_at: string | null; sent_at: string | null; attempts: number;
}

interface ReminderFeedTable { id: number; version: number }

export interface RemindersTables {
  push_subscriptions: PushSubscriptionsTable;
  due_reminders: DueRemindersTable;
  reminder_feed: ReminderFeedTable;
}
