// What arrives is checked once, at the door, the same way for every route and both databases: the path is
// normalised before any check reads it, JSON bodies must be UTF-8 and not null, and no text may hold NUL or a
// lone surrogate (src/shared/text.ts says why).
import type { IncomingMessage } from 'node:http';

import type { FastifyInstance } from 'fastify';

import { findUnsafeText, UNSAFE_TEXT_MESSAGE } from '../../shared/text.ts';
import { ApiError } from './errors.ts';

const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

/**
 * The path as the router will see it, with percent-escapes of plain letters, digits and -._~ decoded (RFC 3986
 * §6.2.2.2): `/%61pi/v1/devices` is `/api/v1/devices` to the router, so it must be to the rate limit and no-store
 * too. Fastify's rewriteUrl runs this before routing and every hook, so request.url is this form everywhere.
 */
function normalisePath(url: string): string {
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  if (!path.includes('%')) return url;
  const normal = path.replace(/%([0-9A-Fa-f]{2})/g, (escape, hex: string) => {
    const char = String.fromCharCode(parseInt(hex, 16));
    return UNRESERVED.test(char) ? char : escape.toUpperCase();
  });
  return query === -1 ? normal : normal + url.slice(query);
}

export const rewriteUrl = (request: IncomingMessage): string => normalisePath(request.url ?? '/');

const utf8 = new TextDecoder('utf-8', { fatal: true });
// JSON text can carry NUL or a surrogate only as a \u escape (raw control characters are not JSON, and strict
// UTF-8 cannot encode a surrogate), so the walk over the parsed body runs only when the text has such an escape.
const MAY_HOLD_UNSAFE_TEXT = /\\u(0000|[dD][89a-fA-F])/;

function charsetOf(contentType: string): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]*)"?/i.exec(contentType);
  return match?.[1].toLowerCase();
}

function refuseUnsafeText(value: unknown, prefix: string): void {
  const path = findUnsafeText(value);
  if (!path) return;
  const field = [prefix, ...path.map(String)].filter(Boolean).join('.') || '(body)';
  throw new ApiError(400, { error: 'invalid', field, message: UNSAFE_TEXT_MESSAGE });
}

export function registerInputChecks(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (request, buffer: Buffer, done) => {
    try {
      const charset = charsetOf(request.headers['content-type'] ?? '');
      if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
        throw new ApiError(415, { error: 'unsupported-media-type', message: 'Send the body as JSON in UTF-8 (charset=utf-8).' });
      }
      let text: string;
      try {
        text = utf8.decode(buffer);
      } catch {
        throw new ApiError(400, { error: 'invalid-json', message: 'The body is not valid UTF-8.' });
      }
      // Fastify's own JSON parser answers through the callback (synchronously); what it returns means nothing.
      void parseJson(request, text, (error, body) => {
        if (error) return done(error);
        try {
          if (body === null) throw new ApiError(400, { error: 'invalid', field: '(body)', message: 'The body must be a JSON object, not null.' });
          if (MAY_HOLD_UNSAFE_TEXT.test(text)) refuseUnsafeText(body, '');
          done(null, body);
        } catch (refusal) {
          done(refusal as Error);
        }
      });
    } catch (refusal) {
      done(refusal as Error);
    }
  });
  // Path parameters and the query string are decoded by Fastify, so `/services/%00` reaches a route as a NUL.
  app.addHook('preValidation', (request, _reply, done) => {
    try {
      refuseUnsafeText(request.params, '');
      refuseUnsafeText(request.query, '');
      done();
    } catch (refusal) {
      done(refusal as Error);
    }
  });
}
