// Security headers, rate limiting and no-store on the API. Registered on the root instance so every route gets them.
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import path from 'node:path';

import compress from '@fastify/compress';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import helmet from 'helmet';

import { FIRST_PAINT_CSP_FILE, type FirstPaintCsp } from '../../shared/firstPaint.ts';

/**
 * The Content-Security-Policy the built app must pass: no inline scripts or styles, no third parties.
 * Front-end code must not use inline <script>, style="" attributes, or eval; images may be data: URLs. The one
 * exception is the first-paint script the build writes into the app's pages, allowed by its hash (below).
 * WebAssembly may be compiled (the PIN's key derivation), nothing else.
 */
const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  // 'wasm-unsafe-eval' lets the PIN lock compile its Argon2id WebAssembly (hash-wasm); it allows no JavaScript eval.
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
};

/**
 * Helmet's headers, worked out once. They are the same on every answer; @fastify/helmet built Helmet's middleware
 * afresh for each request (parsing the policy again every time), which cost a sync push more than its own checks.
 */
export function securityHeaders(inlineScripts: string[] = []): Record<string, string> {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string | number) {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: { ...CONTENT_SECURITY_POLICY, 'script-src': [...CONTENT_SECURITY_POLICY['script-src'], ...inlineScripts] },
    },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'no-referrer' },
  })({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error instanceof Error ? error : new Error('helmet refused the headers', { cause: error });
  });
  return headers;
}

/**
 * The hash of the inline script that paints the prerendered shell (src/app/shell/chooseShell.ts), as the build worked
 * it out for this build of the app; none when the app is not built (nothing inline to allow).
 */
function inlineScriptsOf(staticDir: string): string[] {
  try {
    const csp = JSON.parse(fs.readFileSync(path.join(staticDir, FIRST_PAINT_CSP_FILE), 'utf8')) as FirstPaintCsp;
    return csp.scriptSrc.filter((source) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(source));
  } catch {
    return [];
  }
}

export async function registerSecurity(app: FastifyInstance, rateLimitPerMinute: number, staticDir?: string): Promise<void> {
  const headers = securityHeaders(staticDir === undefined ? [] : inlineScriptsOf(staticDir));
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(headers);
    done();
  });
  await app.register(rateLimit, {
    global: true,
    max: rateLimitPerMinute,
    timeWindow: '1 minute',
    // Only the API is limited: opening the app loads dozens of files, and that must never lock a phone out.
    allowList: (request) => !isApi(request.url),
  });
  // Sync answers are JSON that shrinks to a fifth; phones on pay-as-you-go data pay for every byte.
  // Static files are pre-compressed at build time, so only API answers are compressed here.
  await app.register(compress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('permissions-policy', 'geolocation=(self)');
    // Personal data must never sit in a browser, proxy or service-worker cache.
    if (isApi(request.url)) reply.header('cache-control', 'no-store');
    return payload;
  });
}

/** Under /api: never rate-limit-exempt, never cached (static.ts answers everything else from dist/). */
export function isApi(url: string): boolean {
  return url === '/api' || url.startsWith('/api/') || url.startsWith('/api?');
}

const CLIENT_ERRORS: Record<string, { status: number; reason: string; error: string; message: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, reason: 'Request Timeout', error: 'timeout', message: 'The request took too long to arrive. Try again.' },
  HPE_HEADER_OVERFLOW: { status: 431, reason: 'Request Header Fields Too Large', error: 'headers-too-large', message: 'The request headers are too large.' },
};
const BAD_REQUEST = { status: 400, reason: 'Bad Request', error: 'bad-request', message: 'The request is not valid HTTP.' };

/**
 * Answers what Node refuses before Fastify sees a request (a body too slow to arrive, broken HTTP), with the same
 * security headers as every other answer: Fastify's own answer to these has none.
 */
export function answerClientError(headers: Record<string, string>) {
  const lines = Object.entries({ ...headers, 'cache-control': 'no-store' }).map(([name, value]) => `${name}: ${value}\r\n`).join('');
  return (error: Error & { code?: string }, socket: Socket): void => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const answer = CLIENT_ERRORS[error.code ?? ''] ?? BAD_REQUEST;
    const body = JSON.stringify({ error: answer.error, message: answer.message });
    if (socket.writable) {
      socket.write(`HTTP/1.1 ${answer.status} ${answer.reason}\r\n${lines}content-type: application/json; charset=utf-8\r\n`
        + `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
    }
    socket.destroy();
  };
}
