// The sync protocol endpoints (see src/shared/sync.ts and docs/architecture.md "Sync protocol").
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';

import { pullQuerySchema, pushRequestSchema, type PushResponse } from '../../shared/sync.ts';
import { deviceOf, requireDevice } from '../auth/device.ts';
import { ApiError, validate } from '../http/errors.ts';
import { readPull } from './pull.ts';
import { applyPush } from './push.ts';

// Query values must be plain digits: z.coerce would otherwise read "", " 7", "0x10" or "1e3" as numbers.
const digitsOnly = z.record(z.string(), z.string().regex(/^\d{1,15}$/, 'Must be a whole number'));

export async function syncRoutes(app: FastifyInstance): Promise<void> {
  app.post('/sync/push', { onRequest: requireDevice }, async (request) => {
    const push = validate(pushRequestSchema, request.body);
    const device = deviceOf(request);
    if (push.deviceId !== device.id) {
      throw new ApiError(403, { error: 'forbidden', field: 'deviceId', message: 'deviceId is not the device this token belongs to.' });
    }
    const lastSeq = await applyPush(app.store, device, push, { testDelayBeforeCommitMs: app.config.testDelayInPushMs });
    const response: PushResponse = { lastSeq };
    return response;
  });

  app.get('/sync/pull', { onRequest: requireDevice }, async (request) => {
    validate(digitsOnly, request.query);
    const { cursor, limit } = validate(pullQuerySchema, request.query);
    return readPull(app.store, deviceOf(request), cursor, limit);
  });
}
