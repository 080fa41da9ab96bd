// Sends one encrypted Web Push message (RFC 8030/8291/8292) with the web-push library's real encryption and VAPID
// signature, posted with fetch so it works the same against a push service or a local stand-in.
import { createHash } from 'node:crypto';
import webpush from 'web-push';
import type { VapidKeys } from './vapid.ts';

export type PushTarget = { endpoint: string; p256dh: string; auth: string };
export type PushOutcome = 'delivered' | 'gone' | 'retry' | 'failed';
export type PushSender = (target: PushTarget, payload: string, topic: string) => Promise<PushOutcome>;

/** A Topic header (≤ 32 base64url characters) from the reminder's key: a repeat of the same reminder replaces it. */
export function topicOf(reminderId: string): string {
  return createHash('sha256').update(reminderId).digest('base64url').slice(0, 32);
}

export function webPushSender(vapid: VapidKeys, timeoutMs = 10_000): PushSender {
  return async (target, payload, topic) => {
    const details = webpush.generateRequestDetails(
      { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
      payload,
      { vapidDetails: vapid, TTL: 4 * 60 * 60, urgency: 'high', topic, contentEncoding: 'aes128gcm' },
    );
    try {
      const response = await fetch(details.endpoint, {
        method: details.method,
        headers: details.headers as Record<string, string>,
        body: details.body ? new Uint8Array(details.body) : undefined,
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.arrayBuffer().catch(() => undefined);
      if (response.status >= 200 && response.status < 300) return 'delivered';
      if (response.status === 404 || response.status === 410) return 'gone';
      if (response.status === 429 || response.status >= 500) return 'retry';
      return 'failed';
    } catch {
      return 'retry';
    }
  };
}
