// Builds the Fastify server: security, the API under /api/v1, then the built app. Not listening (main.ts does that).
// How to add routes: in the feature's own folder, write routes.ts exporting `async function xRoutes(app: FastifyInstance)`
// (HTTP only: the work lives beside it), and add it to API_ROUTES below. Inside, use `app.store.db` (Kysely; `app.store.dialect` is 'sqlite'|'postgres'),
// `app.config` for settings, `validate(schema, request.body)` from http/errors.ts for input (400 naming the field),
// and `{ onRequest: requireDevice }` + `deviceOf(request)` from auth/device.ts for the signed-in device and person.
// Throw `new ApiError(status, { error, message })` for any refusal; writes that change the pull feed use reserveVersions().
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyServerOptions, LogController } from 'fastify';

import { describeDatabase, type ServerConfig } from './config.ts';
import { servicesRoutes } from './directory/routes.ts';
import { handleError } from './http/errors.ts';
import { healthRoutes } from './http/health.ts';
import { registerInputChecks, rewriteUrl } from './http/input.ts';
import { answerClientError, registerSecurity, securityHeaders } from './http/security.ts';
import { registerStatic } from './http/static.ts';
import { deleteMyDataRoutes, devicesRoutes } from './identity/routes.ts';
import { backgroundSenders } from './reminders/background.ts';
import { pushRoutes } from './reminders/routes.ts';
import { paManagerRoutes } from './sharing/manager-routes.ts';
import { paCoverRoutes } from './sharing/pa-cover-routes.ts';
import { paDayRoutes } from './sharing/pa-day-routes.ts';
import { paPushRoutes } from './sharing/pa-push-routes.ts';
import { paRoutes } from './sharing/pa-routes.ts';
import { planFiguresRoutes, planSuggestionsRoutes } from './sharing/plan-routes.ts';
import { sharingRoutes } from './sharing/routes.ts';
import { openStore, type Store } from './store/database.ts';
import { migrateToLatest } from './store/migrate.ts';
import { syncRoutes } from './sync/routes.ts';

declare module 'fastify' {
  interface FastifyInstance {
    store: Store;
    config: ServerConfig;
  }
}

/** Every API resource, mounted under /api/v1. Add one line per new routes file. */
const API_ROUTES = [healthRoutes, devicesRoutes, syncRoutes, sharingRoutes, paRoutes, paDayRoutes, paCoverRoutes, paManagerRoutes, servicesRoutes, pushRoutes, paPushRoutes, deleteMyDataRoutes, planSuggestionsRoutes, planFiguresRoutes];

// Log the method, the path without its query, the status and the time: never bodies, tokens or health data.
const requestLogSerializers = {
  req: (req: { method: string; url: string }) => ({ method: req.method, url: req.url.split('?')[0] }),
  res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
};

export type BuildOptions = {
  /** Where logs go (stdout by default); tests pass a stream to check nothing personal is logged. */
  logStream?: NodeJS.WritableStream;
};

export async function buildServer(config: ServerConfig, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: config.bodyLimit,
    // A request whose headers and body have not all arrived by then is answered 408 and closed, so a body sent one
    // byte at a time cannot hold a connection (and its memory) open. Node checks pending requests once a second.
    requestTimeout: config.requestTimeoutMs,
    // Node counts the timeout only when the headers' own timeout is no longer (it refuses that in createServer;
    // Fastify sets requestTimeout afterwards, past the check), so the headers get the same limit or less.
    http: {
      connectionsCheckingInterval: Math.min(1_000, config.requestTimeoutMs || 1_000),
      requestTimeout: config.requestTimeoutMs,
      headersTimeout: config.requestTimeoutMs ? Math.min(60_000, config.requestTimeoutMs) : 60_000,
    },
    rewriteUrl,
    clientErrorHandler: answerClientError(securityHeaders()),
    // A URL the router cannot decode (`/%zz`) is answered here, before any hook, so add the headers ourselves.
    frameworkErrors: (error, _request, reply) => {
      void (reply as FastifyReply).headers({ ...securityHeaders(), 'cache-control': 'no-store' }).status(400).send({ error: 'bad-request', message: error.message });
    },
    trustProxy: config.trustProxy as FastifyServerOptions['trustProxy'],
    logger: {
      level: config.logLevel,
      ...(options.logStream ? { stream: options.logStream } : {}),
      serializers: requestLogSerializers,
      redact: { paths: ['req.headers', 'req.body', 'req.query', 'headers.authorization'], remove: true },
    },
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    // Fastify would log each request twice (arriving, answered); one line when it is answered says all of it
    // (the onResponse hook below). Server errors are still logged, by handleError.
    logController: new LogController({ disableRequestLogging: true }),
  });
  const store = openStore(config.database, { log: (message) => app.log.warn(message) });
  try {
    await migrateToLatest(store);
  } catch (error) {
    await store.close();
    await app.close();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`Cannot prepare the database (${describeDatabase(config.database)}): ${reason}`, { cause: error });
  }
  app.decorate('store', store);
  app.decorate('config', config);
  app.decorateRequest('device', null);
  app.addHook('onClose', async () => store.close());
  // One log line per request: method, path without its query, status and time (see requestLogSerializers).
  app.addHook('onResponse', (request, reply, done) => {
    // A write that succeeded shows the disk has room again (see store faults and /health).
    if (reply.statusCode < 300 && request.method !== 'GET' && store.faults.current()?.kind === 'full') store.faults.cleared();
    request.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
    done();
  });
  // JSON is the only body the API accepts; anything else gets 415.
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler(handleError);
  registerInputChecks(app);

  await registerSecurity(app, config.rateLimitPerMinute, config.staticDir);
  await app.register(async (api) => {
    for (const routes of API_ROUTES) await api.register(routes);
  }, { prefix: '/api/v1' });
  await app.register(backgroundSenders);
  await registerStatic(app, config.staticDir);
  await app.ready();
  return app;
}
