// Reminder settings, read from environment variables once, by config.ts, with safe defaults (listed in the README).
import fs from 'node:fs';

export type ReminderSettings = {
  /** How often the scheduler looks for due reminders. REMINDER_TICK_MS, default 30 s. */
  tickMs: number;
  /** REMINDERS=off turns the scheduler off (for example on extra read-only instances). */
  enabled: boolean;
  /** Test-only: accept http:// push endpoints on 127.0.0.1 (a local stand-in for the push service). */
  allowLocalHttpEndpoints: boolean;
  /** Test-only: read "now" from this file (an ISO time) so a test can move the clock of a real server process. */
  clockFile?: string;
};

export function loadReminderSettings(env: Record<string, string | undefined>): ReminderSettings {
  const tick = Number(env.REMINDER_TICK_MS || 30_000);
  if (!Number.isInteger(tick) || tick < 10) throw new Error(`REMINDER_TICK_MS must be a whole number of milliseconds ≥ 10 (got "${env.REMINDER_TICK_MS}").`);
  return {
    tickMs: tick,
    enabled: env.REMINDERS !== 'off',
    allowLocalHttpEndpoints: env.TEST_PUSH_ALLOW_LOCAL_HTTP === '1',
    clockFile: env.TEST_CLOCK_FILE || undefined,
  };
}

/** The scheduler's clock: the wall clock, or (tests only) the time written in TEST_CLOCK_FILE. */
export function clockOf(settings: ReminderSettings): () => Date {
  const file = settings.clockFile;
  if (!file) return () => new Date();
  return () => new Date(fs.readFileSync(file, 'utf8').trim());
}
