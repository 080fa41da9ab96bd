// Device identity: register a phone (optionally joining a person with a link code), make link codes, set and use a
// recovery code, and list or sign out "my devices". Device token auth, except registering and restoring. Also
// "delete my data everywhere", and the PA's "stopped using the app" cards it leaves (delete-my-data.ts).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import { normaliseCode } from '../../shared/readableCode.ts';
import { restoreSchema } from '../../shared/sharing/schemas.ts';
import { registerDeviceSchema } from '../../shared/sync.ts';
import { clearAttempts, countAttempt, GLOBAL_RECOVERY, PER_TARGET, refundAttempts } from '../auth/attempts.ts';
import { deviceOf, requireDevice } from '../auth/device.ts';
import { hashSecret } from '../auth/tokens.ts';
import { ApiError, validate } from '../http/errors.ts';
import { idParams, noBody } from '../http/params.ts';
import { noQuery } from '../http/query.ts';
import { requireStaff, staffOf } from '../sharing/sessions.ts';
import { deleteMyDataEverywhere, stoppedUsing } from './delete-my-data.ts';
import { listMyDevices, makeLinkCode, registerDevice, signOutDevice } from './devices.ts';
import { restoreWithCode, setRecoveryCode } from './recovery.ts';

type LinkCodeResponse = { code: string; expiresAt: string };

// The person must say it in the body: a stray POST with no body deletes nothing.
const deleteEverywhereSchema = z.strictObject({ everywhere: z.literal(true) });

export async function devicesRoutes(app: FastifyInstance): Promise<void> {
  const db = app.store.db;
  // New devices and link-code guesses get a tenth of the general per-IP limit (30/min by default): slows code guessing.
  const registrationLimit = { rateLimit: { max: Math.max(1, Math.ceil(app.config.rateLimitPerMinute / 10)), timeWindow: '1 minute' } };

  app.post('/devices', { config: registrationLimit }, async (request, reply) => {
    // Only a missing body means "no options"; a JSON null is a mistake and gets a 400.
    const body = validate(registerDeviceSchema, request.body === undefined ? {} : request.body);
    const response = await registerDevice(app.store, body.linkCode);
    if (!response) {
      throw new ApiError(400, {
        error: 'link-code-rejected', field: 'linkCode',
        message: 'That code is wrong, already used or expired. Make a new code on your other phone and try again.',
      });
    }
    return reply.status(201).send(response);
  });

  app.post('/devices/link-codes', { onRequest: requireDevice }, async (request, reply) => {
    validate(noBody, request.body);
    const response: LinkCodeResponse = await makeLinkCode(db, deviceOf(request).personId);
    return reply.status(201).send(response);
  });

  app.post('/recovery-code', { onRequest: requireDevice }, async (request, reply) => {
    validate(noBody, request.body ?? undefined);
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
    return { devices: await listMyDevices(db, deviceOf(request)) };
  });

  app.delete('/my-devices/:id', { onRequest: requireDevice }, async (request) => {
    const { id } = validate(idParams, request.params);
    if (!(await signOutDevice(db, deviceOf(request).personId, id))) throw new ApiError(404, { error: 'not-found', message: 'That device is not one of yours, or is already signed out.' });
    return { id, signedOut: true };
  });
}

export async function deleteMyDataRoutes(app: FastifyInstance): Promise<void> {
  const db = app.store.db;

  app.post('/my-data/delete', { onRequest: requireDevice }, async (request) => {
    validate(deleteEverywhereSchema, request.body);
    return { deleted: await deleteMyDataEverywhere(db, deviceOf(request).personId) };
  });

  // The PA's caseload: when someone connected to them stopped using the app (and nothing else about them).
  app.get('/pa/stopped-using', { onRequest: requireStaff('pa') }, async (request) => {
    validate(noQuery, request.query);
    return { stopped: await stoppedUsing(db, staffOf(request).id) };
  });
}
