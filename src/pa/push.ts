// Call alerts in this browser: the PA page's own service worker (/pa/sw.js, scope /pa/) and its push subscription.
// The server ties a subscription to the signed-in session; this browser remembers only which PA opted in here, so
// after signing in again the same PA's subscription is handed to the new session, and nobody else's.
import { paFetch } from './api.ts';

const OPTED_IN = 'pa-call-alerts-for';

const canUsePush = (): boolean => typeof window !== 'undefined' && 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;

async function currentSubscription(): Promise<PushSubscription | null> {
  const registration = await navigator.serviceWorker.getRegistration('/pa/');
  return (await registration?.pushManager.getSubscription()) ?? null;
}

const urlBase64ToBytes = (key: string): Uint8Array<ArrayBuffer> => {
  const raw = atob((key + '='.repeat((4 - (key.length % 4)) % 4)).replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(raw, (c) => c.charCodeAt(0));
};

async function sendToServer(subscription: PushSubscription, language: string): Promise<void> {
  const { endpoint, keys } = subscription.toJSON() as { endpoint: string; keys: { p256dh: string; auth: string } };
  await paFetch('PUT', '/pa/push-subscription', { endpoint, keys, language: language === 'ar' ? 'ar' : 'en' });
}

export type PushState = 'unsupported' | 'denied' | 'off' | 'on';

export async function pushStateFor(userId: string): Promise<PushState> {
  if (!canUsePush()) return 'unsupported';
  if (Notification.permission === 'denied') return 'denied';
  return localStorage.getItem(OPTED_IN) === userId && (await currentSubscription()) ? 'on' : 'off';
}

/** Asks the browser's permission, subscribes and tells the server. Throws when the browser or server says no. */
export async function turnOnCallAlerts(userId: string, language: string): Promise<PushState> {
  const registration = await navigator.serviceWorker.register('/pa/sw.js', { scope: '/pa/' });
  if ((await Notification.requestPermission()) !== 'granted') return 'denied';
  const { publicKey } = await paFetch<{ publicKey: string }>('GET', '/push/key');
  await navigator.serviceWorker.ready;
  const subscription = (await registration.pushManager.getSubscription())
    ?? (await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: urlBase64ToBytes(publicKey) }));
  await sendToServer(subscription, language);
  localStorage.setItem(OPTED_IN, userId);
  return 'on';
}

export async function turnOffCallAlerts(): Promise<void> {
  localStorage.removeItem(OPTED_IN);
  const subscription = await currentSubscription();
  if (!subscription) return;
  await paFetch('DELETE', '/pa/push-subscription', { endpoint: subscription.endpoint }).catch(() => undefined);
  await subscription.unsubscribe();
}

/** After signing in again: the PA who opted in on this browser keeps their alerts (under the new session). */
export async function renewCallAlerts(userId: string, language: string): Promise<void> {
  if (!canUsePush() || localStorage.getItem(OPTED_IN) !== userId || Notification.permission !== 'granted') return;
  const subscription = await currentSubscription();
  if (subscription) await sendToServer(subscription, language).catch(() => undefined);
}
