// Starts the server: `npm start` (or `npm run serve`). Settings come from environment variables (see config.ts).
import fs from 'node:fs';
import { buildServer } from './app.ts';
import { seedDirectory } from './directory/seed.ts';
import { describeDatabase, loadConfig } from './config.ts';

async function main(): Promise<void> {
  const config = loadConfig();
  fs.mkdirSync(config.dataDir, { recursive: true });
  const app = await buildServer(config);
  // National crisis lines + study services; unchanged rows are left alone. SEED_DIRECTORY=off for protocol tests.
  if (process.env.SEED_DIRECTORY !== 'off') await seedDirectory(app.store);
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(`Listening on http://localhost:${port} (${describeDatabase(config.database)})`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    // Finish requests in flight (so acknowledged pushes are committed), then close the database.
    await app.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  console.error(`The server could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
