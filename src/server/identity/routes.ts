// Device identity: register a phone (optionally joining a person with a link code) and make link codes.
import { randomUUID } from 'node:crypto';

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import { normaliseCode } from '../../shared/readableCode.ts';
import { type RegisterDeviceResponse, registerDeviceSchema } from '../../shared/sync.ts';
import { deviceOf, requireDevice } from '../auth/device.ts';
import { hashSecret, newDeviceToken, newLinkCode } from '../auth/tokens.ts';
import { ApiError, validate } from '../http/errors.ts';

const LINK_CODE_TTL_MS = 15 * 60 * 1000;

type LinkCodeResponse = { code: string; expiresAt: string };

// These endpoints take no options yet; an empty object (or no body) is allowed, anything else is a mistake.
const noOptions = z.strictObject({}).optional();

export async function devicesRoutes(app: FastifyInstance): Promise<void> {
  // New devices and link-code guesses get a tenth of the general per-IP limit (30/min by default): slows code guessing.
  const registrationLimit = { rateLimit: { max: Math.max(1, Math.ceil(app.config.rateLimitPerMinute / 10)), timeWindow: '1 minute' } };

  app.post('/devices', { config: registrationLimit }, async (request, reply) => {
    // Only a missing body means "no options"; a JSON null is a mistake and gets a 400.
    const body = validate(registerDeviceSchema, request.body === undefined ? {} : request.body);
    const token = newDeviceToken();
    const deviceId = randomUUID();
    const now = new Date().toISOString();
    const sqlite = app.store.sqlite;
    if (sqlite && body.linkCode === undefined) {
      // The hot path when many phones arrive at once (measured in tests/bench/load.ts): two prepared INSERTs in one
      // synchronous transaction, with no query building or awaits between them.
      const personId = randomUUID();
      await sqlite.transaction(() => {
        sqlite.prepare('insert into people (id, created_at) values (?, ?)').run(personId, now);
        sqlite.prepare('insert into devices (id, person_id, token_hash, last_seq, created_at, last_seen_at, revoked_at) values (?, ?, ?, 0, ?, ?, null)')
          .run(deviceId, personId, hashSecret(token), now, now);
      });
      return reply.status(201).send({ deviceId, token } satisfies RegisterDeviceResponse);
    }
    await app.store.db.transaction().execute(async (trx) => {
      let personId: string;
      if (body.linkCode !== undefined) {
        // One atomic UPDATE claims the code, so two phones racing with one code can't both join.
        const claimed = await trx
          .updateTable('link_codes')
          .set({ used_at: now })
          .where('code_hash', '=', hashSecret(normaliseCode(body.linkCode)))
          .where('used_at', 'is', null)
          .where('expires_at', '>', now)
          .returning('person_id')
          .executeTakeFirst();
        if (!claimed) {
          throw new ApiError(400, {
            error: 'link-code-rejected', field: 'linkCode',
            message: 'That code is wrong, already used or expired. Make a new code on your other phone and try again.',
          });
        }
        personId = claimed.person_id;
      } else {
        personId = randomUUID();
        await trx.insertInto('people').values({ id: personId, created_at: now }).execute();
      }
      await trx
        .insertInto('devices')
        .values({ id: deviceId, person_id: personId, token_hash: hashSecret(token), last_seq: 0, created_at: now, last_seen_at: now, revoked_at: null })
        .execute();
    });
    const response: RegisterDeviceResponse = { deviceId, token };
    return reply.status(201).send(response);
  });

  app.post('/devices/link-codes', { onRequest: requireDevice }, async (request, reply) => {
    validate(noOptions, request.body);
    const device = deviceOf(request);
    const code = newLinkCode();
    const expiresAt = new Date(Date.now() + LINK_CODE_TTL_MS).toISOString();
    await app.store.db
      .insertInto('link_codes')
      .values({ code_hash: hashSecret(normaliseCode(code)), person_id: device.personId, expires_at: expiresAt, used_at: null })
      .execute();
    const response: LinkCodeResponse = { code, expiresAt };
    return reply.status(201).send(response);
  });
}
