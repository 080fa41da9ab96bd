// Turning reminder notifications on for this phone. Permission is asked only when they tap "Remind me".
import type { NotificationWords } from '../../../shared/appointments/schema.ts';
import { callApi } from '../../sync/api.ts';
import { callAsThisPhone } from '../../sync/callAsThisPhone.ts';
import { knownIdentity } from '../../sync/identity.ts';

export type PushStatus = 'unsupported' | 'iphone-needs-install' | 'denied' | 'off' | 'on';
export type TurnOnResult = 'on' | 'denied' | 'unsupported' | 'iphone-needs-install' | 'offline' | 'not-synced' | 'failed';

/** iPhones and iPads show web notifications only for apps added to the home screen. */
function isIosOutsideHomeScreen(): boolean {
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

export async function turnOnReminders(words: NotificationWords, language: string): Promise<TurnOnResult> {
  if (isIosOutsideHomeScreen()) return 'iphone-needs-install';
  if (!supported()) return 'unsupported';
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return permission === 'denied' ? 'denied' : 'failed';
  if (!navigator.onLine) return 'offline';
  if (!(await knownIdentity())) return 'not-synced';
  try {
    const { publicKey } = await callApi<{ publicKey: string }>('GET', '/push/key');
    const registration = await navigator.serviceWorker.ready;
    const subscription = (await registration.pushManager.getSubscription())
      ?? (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) }));
    const json = subscription.toJSON();
    await callAsThisPhone('POST', '/push/subscriptions', { endpoint: json.endpoint, keys: json.keys, language, words }, 'if-known');
    return 'on';
  } catch {
    return 'failed';
  }
}

export async function turnOffReminders(): Promise<void> {
  const registration = await navigator.serviceWorker.getRegistration();
  const subscription = await registration?.pushManager.getSubscription();
  if (!subscription) return;
  // Not reaching the server is fine: it drops a subscription the push service says is gone.
  await callAsThisPhone('DELETE', '/push/subscriptions', { endpoint: subscription.endpoint }, 'if-known').catch(() => undefined);
  await subscription.unsubscribe();
}
