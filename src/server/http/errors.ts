// One JSON error shape for the whole API, and the zod check every route uses before touching the store.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';

import { databaseFault } from '../store/database.ts';

export type ApiErrorBody = { error: string; message: string; field?: string; [extra: string]: unknown };

/** Seconds a phone should wait before trying again while the database is away: its outbox keeps everything. */
export const RETRY_AFTER_SECONDS = 5;

/** Thrown by routes; the error handler turns it into `status` with `body`. */
export class ApiError extends Error {
  constructor(readonly statusCode: number, readonly body: ApiErrorBody) {
    super(body.message);
  }
}

/** Parses `input` with `schema`, or throws a 400 naming the first failing field (e.g. "mutations.0.record.mood"). */
export function validate<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join('.') || '(body)';
  const message = issue?.code === 'unrecognized_keys'
    ? `Unexpected field(s): ${(issue as { keys: string[] }).keys.join(', ')}`
    : (issue?.message ?? 'Invalid input');
  throw new ApiError(400, { error: 'invalid', field, message });
}

// Fastify's own error codes for bad input, with messages a client developer can act on.
const FASTIFY_CLIENT_ERRORS: Record<string, { status: number; error: string; message: string }> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, error: 'unsupported-media-type', message: 'Send the body as application/json.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, error: 'bad-request', message: 'Content-Length does not match the body.' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, error: 'too-large', message: 'The request body is too large; send fewer mutations per push.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, error: 'invalid-json', message: 'The body is empty but Content-Type says JSON.' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, error: 'invalid-json', message: 'The body is not valid JSON.' },
};

export function handleError(error: FastifyError | ApiError, request: FastifyRequest, reply: FastifyReply): void {
  if (error instanceof ApiError) {
    reply.status(error.statusCode).send(error.body);
    return;
  }
  const known = error.code ? FASTIFY_CLIENT_ERRORS[error.code] : undefined;
  if (known) {
    reply.status(known.status).send({ error: known.error, message: known.message });
    return;
  }
  const fault = databaseFault(error);
  if (fault) {
    // One path for every database fault, whichever route or hook met it: the phone keeps its data and retries.
    request.server.store.faults.saw(fault);
    reply.header('retry-after', String(RETRY_AFTER_SECONDS));
    if (fault === 'full') {
      reply.status(507).send({ error: 'storage-full', message: 'The server has run out of storage space. Your data on this phone is safe; it will be sent when space is freed.' });
    } else {
      reply.status(503).send({ error: 'unavailable', message: 'The server cannot reach its database just now. Your data on this phone is safe; it will be sent when the server is back.' });
    }
    return;
  }
  const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
  if (status === 429) {
    reply.status(429).send({ error: 'rate-limited', message: 'Too many requests. Wait a minute and try again.' });
    return;
  }
  if (status >= 400 && status < 500) {
    // Other client errors (bad JSON such as __proto__ keys, bad headers): say what, never echo input.
    reply.status(status).send({ error: 'bad-request', message: error.message });
    return;
  }
  // Log the failure without the body or headers (they may hold tokens or health data).
  request.log.error({ err: { message: error.message, code: error.code, stack: error.stack } }, 'request failed');
  reply.status(500).send({ error: 'server-error', message: 'Something went wrong on the server. Your data on this phone is safe; try again later.' });
}
