// Starts the server: `npm start` (or `npm run serve`). Settings come from environment variables (see config.ts).
import fs from 'node:fs';

import { buildServer } from './app.ts';
import { describeDatabase, loadConfig, type ServerConfig } from './config.ts';
import { seedDirectory } from './directory/seed.ts';
import { scheduleRetention } from './retention/retention.ts';
import { databaseFault } from './store/database.ts';

const reasonOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * A database that is not up yet (PostgreSQL starting beside the app, a network not ready) is waited for, saying so
 * on every try, for DB_START_WAIT_MS (0 = for ever); then the server exits naming what it waited for.
 */
async function buildWhenDatabaseAnswers(config: ServerConfig) {
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await buildServer(config);
    } catch (error) {
      const cause = error instanceof Error && error.cause ? error.cause : error;
      if (!databaseFault(cause)) throw error;
      const where = describeDatabase(config.database);
      if (config.databaseStartWaitMs > 0 && Date.now() - started >= config.databaseStartWaitMs) {
        throw new Error(`Gave up waiting for the database (${where}) after ${Math.round((Date.now() - started) / 1000)} s: ${reasonOf(cause)}. `
          + 'Check that it is running and that DATABASE_URL is right (DB_START_WAIT_MS sets how long to wait).', { cause: error });
      }
      const delayMs = Math.min(500 * 2 ** attempt, 10_000);
      console.error(`Waiting for the database (${where}), try ${attempt}: ${reasonOf(cause)}. Trying again in ${delayMs / 1000} s.`);
      await new Promise((resolve) => setTimeout(resolve, delayMs));
    }
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  try {
    fs.mkdirSync(config.dataDir, { recursive: true });
  } catch (error) {
    throw new Error(`Cannot create the data folder ${config.dataDir} (DATA_DIR): ${reasonOf(error)}`, { cause: error });
  }
  const app = await buildWhenDatabaseAnswers(config);
  // National crisis lines + study services; unchanged rows are left alone. SEED_DIRECTORY=off for protocol tests.
  if (config.seedDirectory) await seedDirectory(app.store);
  await app.listen({ port: config.port, host: config.host });
  const stopRetention = scheduleRetention(app.store, config.retentionDays, app.log);
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(`Listening on http://localhost:${port} (${describeDatabase(config.database)})`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    stopRetention();
    // Finish requests in flight (so acknowledged pushes are committed), then close the database.
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(`The server could not start: ${reasonOf(error)}`);
  process.exit(1);
});
