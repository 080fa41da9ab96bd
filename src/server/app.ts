// Builds the Fastify server: security, the API under /api/v1, then the built app. Not listening (main.ts does that).
// How to add routes: write src/server/routes/<resource>.ts exporting `async function xRoutes(app: FastifyInstance)`,
// and add it to API_ROUTES below. Inside, use `app.store.db` (Kysely; `app.store.dialect` is 'sqlite'|'postgres'),
// `app.config` for settings, `validate(schema, request.body)` from http/errors.ts for input (400 naming the field),
// and `{ onRequest: requireDevice }` + `deviceOf(request)` from auth/device.ts for the signed-in device and person.
// Throw `new ApiError(status, { error, message })` for any refusal; writes that change the pull feed use reserveVersions().
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { ServerConfig } from './config.ts';
import { handleError } from './http/errors.ts';
import { registerSecurity } from './http/security.ts';
import { registerStatic } from './http/static.ts';
import { devicesRoutes } from './routes/devices.ts';
import { healthRoutes } from './routes/health.ts';
import { syncRoutes } from './routes/sync.ts';
import { pushRoutes } from './routes/push.ts';
import { paRoutes } from './routes/pa.ts';
import { paManagerRoutes } from './routes/pa-manager.ts';
import { sharingRoutes } from './routes/sharing.ts';
import { servicesRoutes } from './routes/services.ts';
import { openStore, type Store } from './store/database.ts';
import { migrateToLatest } from './store/migrate.ts';

declare module 'fastify' {
  interface FastifyInstance {
    store: Store;
    config: ServerConfig;
  }
}

/** Every API resource, mounted under /api/v1. Add one line per new routes file. */
const API_ROUTES = [healthRoutes, devicesRoutes, syncRoutes, sharingRoutes, paRoutes, paManagerRoutes, servicesRoutes, pushRoutes];

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
  const store = openStore(config.database);
  try {
    await migrateToLatest(store);
  } catch (error) {
    await store.close();
    throw error;
  }

  const app = Fastify({
    bodyLimit: config.bodyLimit,
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
  app.decorate('store', store);
  app.decorate('config', config);
  app.decorateRequest('device', null);
  app.addHook('onClose', async () => store.close());
  // One log line per request: method, path without its query, status and time (see requestLogSerializers).
  app.addHook('onResponse', (request, reply, done) => {
    request.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
    done();
  });
  // JSON is the only body the API accepts; anything else gets 415.
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler(handleError);

  await registerSecurity(app, config.rateLimitPerMinute);
  await app.register(async (api) => {
    for (const routes of API_ROUTES) await api.register(routes);
  }, { prefix: '/api/v1' });
  await registerStatic(app, config.staticDir);
  await app.ready();
  return app;
}
