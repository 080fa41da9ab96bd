// VAPID keys identify this server to push services. From VAPID_PUBLIC_KEY/VAPID_PRIVATE_KEY, else made on first
// start and kept in DATA_DIR/vapid.json (readable only by the server's user), so subscriptions survive restarts.
import fs from 'node:fs';
import path from 'node:path';

import webpush from 'web-push';

export type VapidKeys = { publicKey: string; privateKey: string; subject: string };

const DEFAULT_SUBJECT = 'mailto:reminders@localhost';

/** VAPID_* as given (config.ts reads them once). */
export type VapidSettings = { publicKey?: string; privateKey?: string; subject?: string };

export function vapidSettingsFrom(env: Record<string, string | undefined>): VapidSettings {
  if (Boolean(env.VAPID_PUBLIC_KEY) !== Boolean(env.VAPID_PRIVATE_KEY)) throw new Error('Set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or neither (keys are then made in DATA_DIR).');
  return { publicKey: env.VAPID_PUBLIC_KEY || undefined, privateKey: env.VAPID_PRIVATE_KEY || undefined, subject: env.VAPID_SUBJECT || undefined };
}

export function loadVapidKeys(dataDir: string, settings: VapidSettings = {}): VapidKeys {
  const subject = settings.subject || DEFAULT_SUBJECT;
  if (settings.publicKey && settings.privateKey) return { publicKey: settings.publicKey, privateKey: settings.privateKey, subject };
  const file = path.join(dataDir, 'vapid.json');
  if (fs.existsSync(file)) {
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { publicKey: string; privateKey: string };
    return { ...saved, subject };
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const keys = webpush.generateVAPIDKeys();
  // 'wx' so two instances starting together never overwrite each other's keys; the loser reads the winner's.
  try {
    fs.writeFileSync(file, JSON.stringify(keys), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadVapidKeys(dataDir, settings);
    throw error;
  }
  return { ...keys, subject };
}
