// The server's background senders, started with it and stopped on close: appointment reminders to phones and
// "Please call me" alerts to PAs. One Web Push sender and one clock for both; REMINDERS=off stops both.
import type { FastifyInstance } from 'fastify';

import { createCallAlertScheduler } from '../sharing/call-alerts.ts';
import { createReminderScheduler } from './scheduler.ts';
import { webPushSender } from './send.ts';
import { clockOf } from './settings.ts';
import { loadVapidKeys } from './vapid.ts';

export async function backgroundSenders(app: FastifyInstance): Promise<void> {
  const settings = app.config.reminders;
  if (!settings.enabled) return;
  const send = webPushSender(loadVapidKeys(app.config.dataDir, app.config.vapid), { allowLocalStandIn: settings.allowLocalHttpEndpoints });
  const common = { store: app.store, send, now: clockOf(settings), intervalMs: settings.tickMs, log: app.log };
  const senders = [createReminderScheduler(common), createCallAlertScheduler(common)];
  app.addHook('onReady', async () => { for (const sender of senders) sender.start(); });
  app.addHook('preClose', async () => { await Promise.all(senders.map((sender) => sender.stop())); });
}
