// Turning reminder notifications on for this phone. Permission is asked only when they tap "Remind me".
import { db } from '../../data/db.ts';
import type { DeviceIdentity } from '../../sync/api.ts';
import { META } from '../../data/meta.ts';

export type PushStatus = 'unsupported' | 'iphone-needs-install' | 'denied' | 'off' | 'on';
export type TurnOnResult = 'on' | 'denied' | 'unsupported' | 'iphone-needs-install' | 'offline' | 'not-synced' | 'failed';
/** The words a notification uses, sent in the person's language when they turn reminders on. */
export type NotificationWords = { comingUp: string; open: string };

const API = '/api/v1/push';

/** iPhones and iPads show web notifications only for apps added to the home screen. */
export function isIosOutsideHomeScreen(): boolean {
  const ios = /iPhone|iPad|iPod/.test(navigator.userAgent) || (navigator.platform === 'MacIntel' && navigator.maxTouchPoints > 1);
  if (!ios) return false;
  const standalone = (navigator as Navigator & { standalone?: boolean }).standalone === true
    || (typeof matchMedia === 'function' && matchMedia('(display-mode: standalone)').matches);
  return !standalone;
}

function supported(): boolean {
  return typeof window !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;
}

export async function pushStatus(): Promise<PushStatus> {
  if (isIosOutsideHomeScreen()) return 'iphone-needs-install';
  if (!supported()) return 'unsupported';
  if (Notification.permission === 'denied') return 'denied';
  const registration = await navigator.serviceWorker.getRegistration();
  const subscription = await registration?.pushManager.getSubscription();
  return subscription && Notification.permission === 'granted' ? 'on' : 'off';
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = (base64url + '='.repeat((4 - (base64url.length % 4)) % 4)).replace(/-/g, '+').replace(/_/g, '/');
  const raw = atob(base64);
  const bytes = new Uint8Array(new ArrayBuffer(raw.length));
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

async function identity(): Promise<DeviceIdentity | undefined> {
  return (await db.meta.get(META.identity))?.value as DeviceIdentity | undefined;
}

export async function turnOnReminders(words: NotificationWords, language: string): Promise<TurnOnResult> {
  if (isIosOutsideHomeScreen()) return 'iphone-needs-install';
  if (!supported()) return 'unsupported';
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return permission === 'denied' ? 'denied' : 'failed';
  if (!navigator.onLine) return 'offline';
  const device = await identity();
  if (!device) return 'not-synced';
  try {
    const keyResponse = await fetch(`${API}/key`, { cache: 'no-store' });
    if (!keyResponse.ok) return 'failed';
    const { publicKey } = (await keyResponse.json()) as { publicKey: string };
    const registration = await navigator.serviceWorker.ready;
    const subscription = (await registration.pushManager.getSubscription())
      ?? (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) }));
    const json = subscription.toJSON();
    const saved = await fetch(`${API}/subscriptions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
      body: JSON.stringify({ endpoint: json.endpoint, keys: json.keys, language, words }),
    });
    return saved.ok ? 'on' : 'failed';
  } catch {
    return 'failed';
  }
}

export async function turnOffReminders(): Promise<void> {
  const registration = await navigator.serviceWorker.getRegistration();
  const subscription = await registration?.pushManager.getSubscription();
  if (!subscription) return;
  const device = await identity();
  if (device) {
    await fetch(`${API}/subscriptions`, {
      method: 'DELETE',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
      body: JSON.stringify({ endpoint: subscription.endpoint }),
    }).catch(() => undefined);
  }
  await subscription.unsubscribe();
}
