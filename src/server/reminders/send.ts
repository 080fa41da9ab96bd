// Sends one encrypted Web Push message (RFC 8030/8291/8292) with the web-push library's real encryption and VAPID
// signature. Only to a push service's host at a public address (endpoints.ts), checked at the moment of sending.
import { createHash } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';

import webpush from 'web-push';

import { isLocalStandIn, isPushServiceUrl, type Lookup, PrivateAddressError, publicOnlyLookup, systemLookup } from './endpoints.ts';
import type { VapidKeys } from './vapid.ts';

type PushTarget = { endpoint: string; p256dh: string; auth: string };
/** failed: this subscription can never work (a bad key, a refused endpoint); retry: try again later. */
type PushOutcome = 'delivered' | 'gone' | 'retry' | 'failed';
export type PushSender = (target: PushTarget, payload: string, topic: string) => Promise<PushOutcome>;

/** A Topic header (≤ 32 base64url characters) from the reminder's key: a repeat of the same reminder replaces it. */
export function topicOf(reminderId: string): string {
  return createHash('sha256').update(reminderId).digest('base64url').slice(0, 32);
}

export type SenderOptions = {
  timeoutMs?: number;
  /** Test-only: also post to a stand-in on http://127.0.0.1 (TEST_PUSH_ALLOW_LOCAL_HTTP=1). */
  allowLocalStandIn?: boolean;
  /** How host names are resolved; tests swap it to see that a name pointing inward is refused. */
  lookup?: Lookup;
};

export function webPushSender(vapid: VapidKeys, options: SenderOptions = {}): PushSender {
  const { timeoutMs = 10_000, allowLocalStandIn = false } = options;
  const lookup = publicOnlyLookup(options.lookup ?? systemLookup);
  return async (target, payload, topic) => {
    if (!isPushServiceUrl(target.endpoint, allowLocalStandIn)) return 'failed';
    let details: ReturnType<typeof webpush.generateRequestDetails>;
    try {
      details = webpush.generateRequestDetails(
        { endpoint: target.endpoint, keys: { p256dh: target.p256dh, auth: target.auth } },
        payload,
        { vapidDetails: vapid, TTL: 4 * 60 * 60, urgency: 'high', topic, contentEncoding: 'aes128gcm' },
      );
    } catch {
      // A key the browser could never have made (wrong length, not a curve point): this subscription can't work.
      return 'failed';
    }
    const url = new URL(details.endpoint);
    const body = details.body ? Buffer.from(details.body) : undefined;
    const status = await new Promise<number>((resolve) => {
      const request = (isLocalStandIn(url) ? http : https).request(url, {
        method: details.method,
        headers: { ...(details.headers as Record<string, string>), ...(body && { 'content-length': String(body.length) }) },
        ...(isLocalStandIn(url) ? {} : { lookup }),
        timeout: timeoutMs,
      }, (response) => {
        response.resume();
        response.on('end', () => resolve(response.statusCode ?? 0));
        response.on('error', () => resolve(0));
      });
      request.on('timeout', () => request.destroy(new Error('timeout')));
      request.on('error', (error) => resolve(error instanceof PrivateAddressError ? -1 : 0));
      request.end(body);
    });
    if (status >= 200 && status < 300) return 'delivered';
    if (status === 404 || status === 410) return 'gone';
    if (status === 0 || status === 429 || status >= 500) return 'retry';
    return 'failed';
  };
}
