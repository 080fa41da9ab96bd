// Liveness and readiness in one: answers only after the database answers a trivial query.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { pingStore } from '../store/database.ts';
import { validate } from '../http/errors.ts';

// Built once, not per request: zod compiles a schema the first time it runs it.
const noQuery = z.strictObject({});

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get('/health', async (request) => {
    validate(noQuery, request.query);
    await pingStore(app.store);
    return { ok: true, db: app.store.dialect };
  });
}
