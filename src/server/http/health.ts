// Liveness and readiness in one: 200 only when the database answers a trivial query in time and has room to write;
// otherwise 503 saying which (a load balancer then sends phones elsewhere, and a person reading it knows why).
import type { FastifyInstance } from 'fastify';

import { databaseFault, pingStore } from '../store/database.ts';
import { RETRY_AFTER_SECONDS, validate } from './errors.ts';
import { noQuery } from './query.ts';

// Built once, not per request: zod compiles a schema the first time it runs it.

/** A health check must answer even when the database never does. */
const PING_TIMEOUT_MS = 3_000;

export async function healthRoutes(app: FastifyInstance): Promise<void> {
  app.get('/health', async (request, reply) => {
    validate(noQuery, request.query);
    const { store } = app;
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), PING_TIMEOUT_MS)));
    const database = await Promise.race([pingStore(store).then(() => 'reachable' as const), timedOut])
      .catch((error: unknown) => (databaseFault(error) ? 'unreachable' as const : Promise.reject(error)))
      .finally(() => clearTimeout(timer));
    if (database !== 'reachable') store.faults.saw('unreachable');
    const storage = store.faults.current()?.kind === 'full' ? 'full' : 'ok';
    const ok = database === 'reachable' && storage === 'ok';
    if (!ok) reply.status(503).header('retry-after', String(RETRY_AFTER_SECONDS));
    return { ok, db: store.dialect, database: database === 'reachable' ? 'reachable' : 'unreachable', storage };
  });
}
