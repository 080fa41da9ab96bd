// Where the server may post a push message: only the browsers' push services, over HTTPS, at public addresses.
// Checked when a phone subscribes (the host) and again at every send (the address the name resolves to then, and the
// connection is made to exactly that checked address), so a subscription can never make the server call into its
// own network: 127.0.0.1, localhost, 2130706433, 169.254.169.254, 10.0.0.1, [::1] and the like.
import dns from 'node:dns';
import net from 'node:net';

import { z } from 'zod';

/** The push services of Chrome/Android, Firefox, Safari and Edge (their hosts, or a parent domain with a leading dot). */
const PUSH_SERVICE_HOSTS = ['fcm.googleapis.com', 'updates.push.services.mozilla.com', '.push.apple.com', '.notify.windows.com'];

function isPushServiceHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return PUSH_SERVICE_HOSTS.some((allowed) => (allowed.startsWith('.') ? host.endsWith(allowed) && host.length > allowed.length : host === allowed));
}

/** Test-only stand-in for a push service: plain http on 127.0.0.1, accepted only when the test setting allows it. */
export function isLocalStandIn(url: URL): boolean {
  return url.protocol === 'http:' && url.hostname === '127.0.0.1';
}

/** A subscription endpoint the server will accept: https on a push service's host, default port, no credentials. */
export function isPushServiceUrl(value: string, allowLocalStandIn = false): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  if (allowLocalStandIn && isLocalStandIn(url)) return true;
  return url.protocol === 'https:' && url.port === '' && !url.username && !url.password && isPushServiceHost(url.hostname);
}

const notPublic = new net.BlockList();
for (const [address, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) notPublic.addSubnet(address, prefix, 'ipv4');
for (const [address, prefix] of [
  ['::', 128], ['::1', 128], ['64:ff9b::', 96], ['100::', 64], ['2001:db8::', 32], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8],
] as const) notPublic.addSubnet(address, prefix, 'ipv6');

/**
 * False for private, loopback, link-local, shared, documentation and multicast addresses (v4, v6, v4 in v6).
 * @internal exported for its tests (knip --production)
 */
export function isPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isPublicAddress(mapped[1]);
  const family = net.isIP(address);
  if (family === 0) return false;
  return !notPublic.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export type Lookup = (hostname: string) => Promise<{ address: string; family: number }[]>;
export const systemLookup: Lookup = (hostname) => dns.promises.lookup(hostname, { all: true });

export class PrivateAddressError extends Error {}

/**
 * A `lookup` for http(s).request: resolves the name, refuses if ANY address is not public, and hands the socket the
 * first address, so the connection goes to the address that was checked (no second lookup to rebind).
 */
export function publicOnlyLookup(lookup: Lookup = systemLookup): net.LookupFunction {
  return (hostname, options, callback) => {
    lookup(hostname).then((addresses) => {
      if (addresses.length === 0 || addresses.some((a) => !isPublicAddress(a.address))) {
        callback(new PrivateAddressError(`push endpoint resolves to a non-public address`), '', 4);
        return;
      }
      if (options.all) callback(null, addresses);
      else callback(null, addresses[0].address, addresses[0].family);
    }, (error: Error) => callback(error, '', 4));
  };
}

/** The browser's subscription keys, as PushSubscription.toJSON() gives them (the phone's, reminders/routes.ts, and the PA page's, sharing/pa-push-routes.ts). */
const base64url = (min: number, max: number) => z.string().min(min).max(max).regex(/^[A-Za-z0-9_-]+={0,2}$/, 'Must be base64url');

export function endpointSchema(allowLocalStandIn: boolean) {
  return z.url({ message: 'Must be the push service URL from the browser' }).max(2000)
    .refine((value) => isPushServiceUrl(value, allowLocalStandIn), 'Must be an https:// URL of a browser push service');
}

export const subscriptionKeysSchema = z.strictObject({ p256dh: base64url(80, 100), auth: base64url(16, 32) });
