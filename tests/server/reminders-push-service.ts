// A local stand-in for a browser push service: it receives the real encrypted Web Push request, checks the VAPID
// header, and decrypts the body (RFC 8291, aes128gcm) with the subscription's private key, like a browser would.
import { createDecipheriv, createECDH, hkdfSync, randomBytes } from 'node:crypto';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { AppointmentInput } from '../../src/shared/appointments/schema.ts';

type ReceivedPush = { path: string; topic?: string; ttl?: string; authorization?: string; payload: { title: string; body: string; url: string; tag: string } };

export type PushServiceStandIn = {
  /** A subscription as a browser would give it, pointing at this stand-in. */
  subscribe(name: string): { endpoint: string; keys: { p256dh: string; auth: string } };
  received: ReceivedPush[];
  /** Answer this status for requests to `name` (e.g. 410 when the person unsubscribed). */
  answer(name: string, status: number): void;
  /** Resolves when `count` pushes have arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
};

function decrypt(body: Buffer, uaPrivate: ReturnType<typeof createECDH>, authSecret: Buffer): string {
  const salt = body.subarray(0, 16);
  const idLength = body[20];
  const asPublic = body.subarray(21, 21 + idLength);
  const ciphertext = body.subarray(21 + idLength);
  const ecdhSecret = uaPrivate.computeSecret(asPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), uaPrivate.getPublicKey(), asPublic]);
  const ikm = Buffer.from(hkdfSync('sha256', ecdhSecret, authSecret, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
  const end = padded.lastIndexOf(2); // the last record's delimiter, then zero padding
  return padded.subarray(0, end).toString('utf8');
}

export async function startPushServiceStandIn(): Promise<PushServiceStandIn> {
  const keys = new Map<string, { ecdh: ReturnType<typeof createECDH>; auth: Buffer }>();
  const statuses = new Map<string, number>();
  const received: ReceivedPush[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const name = (req.url ?? '').replace(/^\/push\//, '');
      const status = statuses.get(name) ?? 201;
      const key = keys.get(name);
      if (status === 201 && key && req.headers['content-encoding'] === 'aes128gcm') {
        received.push({
          path: req.url ?? '', topic: req.headers.topic as string | undefined, ttl: req.headers.ttl as string | undefined,
          authorization: req.headers.authorization, payload: JSON.parse(decrypt(Buffer.concat(chunks), key.ecdh, key.auth)),
        });
        for (const w of waiters.filter((w) => received.length >= w.count)) w.resolve();
      }
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    received,
    subscribe(name) {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16);
      keys.set(name, { ecdh, auth });
      return { endpoint: `http://127.0.0.1:${port}/push/${name}`, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') } };
    },
    answer: (name, status) => void statuses.set(name, status),
    waitFor(count, timeoutMs = 20_000) {
      if (received.length >= count) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`expected ${count} pushes, got ${received.length}`)), timeoutMs);
        waiters.push({ count, resolve: () => { clearTimeout(timer); resolve(); } });
      });
    },
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** An appointment record as a phone would push it: 12:00 UTC on 10 January 2030, reminders two hours and 30 minutes before. */
export function appointment(overrides: Partial<AppointmentInput> = {}) {
  return { id: randomUUID(), title: 'Housing office', startsAt: '2030-01-10T12:00:00.000Z', reminders: [120, 30], updatedAt: '2030-01-01T00:00:00.000Z', ...overrides };
}
