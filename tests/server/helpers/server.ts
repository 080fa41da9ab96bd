// One migrated server over a fresh database for a whole describe block, closed and dropped afterwards.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll } from 'vitest';

import { buildServer } from '../../../src/server/app.ts';
import { type DialectName, freshDatabase, type TestDatabase } from './databases.ts';

export type ServerForBlock = { app: FastifyInstance; database: TestDatabase };

/** Call inside a describe: `.app` and `.database` are ready in every test of that block. */
export function serverForBlock(dialect: DialectName): ServerForBlock {
  const server = {} as ServerForBlock;
  beforeAll(async () => {
    server.database = await freshDatabase(dialect);
    server.app = await buildServer(server.database.config);
  });
  afterAll(async () => {
    await server.app?.close();
    await server.database?.drop();
  });
  return server;
}
