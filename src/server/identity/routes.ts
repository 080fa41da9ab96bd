// Device identity: register a phone (optionally joining a person with a link code), make link codes, set and use a
// recovery code, and list or sign out "my devices". Device token auth, except registering and restoring.
import { randomUUID } from 'node:crypto';

import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import { normaliseCode } from '../../shared/readableCode.ts';
import { restoreSchema } from '../../shared/sharing/schemas.ts';
import { type RegisterDeviceResponse, registerDeviceSchema } from '../../shared/sync.ts';
import { clearAttempts, countAttempt, GLOBAL_RECOVERY, PER_TARGET, refundAttempts } from '../auth/attempts.ts';
import { deviceOf, requireDevice } from '../auth/device.ts';
import { hashSecret, newDeviceToken, newLinkCode } from '../auth/tokens.ts';
import { ApiError, validate } from '../http/errors.ts';
import { noQuery } from '../http/query.ts';
import { restoreWithCode, setRecoveryCode } from './recovery.ts';

const LINK_CODE_TTL_MS = 15 * 60 * 1000;

type LinkCodeResponse = { code: string; expiresAt: string };

// These endpoints take no options yet; an empty object (or no body) is allowed, anything else is a mistake.
const noOptions = z.strictObject({}).optional();
const idParams = z.strictObject({ id: z.uuid() });

export async function devicesRoutes(app: FastifyInstance): Promise<void> {
  const db = app.store.db;
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
    await db.transaction().execute(async (trx) => {
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
    await db
      .insertInto('link_codes')
      .values({ code_hash: hashSecret(normaliseCode(code)), person_id: device.personId, expires_at: expiresAt, used_at: null })
      .execute();
    const response: LinkCodeResponse = { code, expiresAt };
    return reply.status(201).send(response);
  });

  app.post('/recovery-code', { onRequest: requireDevice }, async (request, reply) => {
    validate(noOptions, request.body ?? undefined);
    return reply.status(201).send({ code: await setRecoveryCode(db, deviceOf(request).personId) });
  });

  app.post('/recovery/restore', async (request, reply) => {
    const { code } = validate(restoreSchema, request.body);
    // Per code and for everyone, never per address: a hostel or college behind one address must not lock itself out.
    const codeKey = `restore-code:${hashSecret(normaliseCode(code))}`;
    await countAttempt(db, [{ key: codeKey, policy: PER_TARGET }, { key: 'restore-all', policy: GLOBAL_RECOVERY }]);
    const restored = await restoreWithCode(db, code);
    if (!restored) {
      throw new ApiError(400, { error: 'recovery-code-rejected', field: 'code', message: 'That recovery code is not right, or was already used. Check each letter and try again.' });
    }
    await clearAttempts(db, [codeKey]);
    await refundAttempts(db, ['restore-all']);
    return reply.status(201).send(restored);
  });

  app.get('/my-devices', { onRequest: requireDevice }, async (request) => {
    validate(noQuery, request.query);
    const me = deviceOf(request);
    const rows = await db.selectFrom('devices').select(['id', 'created_at', 'last_seen_at'])
      .where('person_id', '=', me.personId).where('revoked_at', 'is', null).orderBy('created_at').execute();
    return { devices: rows.map((d) => ({ id: d.id, createdAt: d.created_at, lastSeenAt: d.last_seen_at, thisDevice: d.id === me.id })) };
  });

  app.delete('/my-devices/:id', { onRequest: requireDevice }, async (request) => {
    const { id } = validate(idParams, request.params);
    const me = deviceOf(request);
    const revoked = await db.updateTable('devices').set({ revoked_at: new Date().toISOString() })
      .where('id', '=', id).where('person_id', '=', me.personId).where('revoked_at', 'is', null).returning('id').executeTakeFirst();
    if (!revoked) throw new ApiError(404, { error: 'not-found', message: 'That device is not one of yours, or is already signed out.' });
    return { id, signedOut: true };
  });
}
