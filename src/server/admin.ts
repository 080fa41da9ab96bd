// Admin CLI: `npm run admin -- <command> [args]`. Add a command by adding an entry to COMMANDS.
import { listDevices, revokeDevice } from './admin/devices.ts';
import { describeDatabase, loadConfig } from './config.ts';
import { IMPORT_SERVICES_USAGE, ImportRefused, importServicesCommand } from './directory/import.ts';
import { applyRetention } from './retention/retention.ts';
import { CREATE_USER_USAGE, createUserCommand } from './sharing/create-user.ts';
import { openStore, type Store } from './store/database.ts';
import { migrateToLatest } from './store/migrate.ts';

type Command = { usage: string; summary: string; run(store: Store, args: string[]): Promise<void> };

const COMMANDS: Record<string, Command> = {
  'import-services': {
    usage: IMPORT_SERVICES_USAGE,
    summary: 'Import an Open Referral UK 1.0 or 3.0 feed (following its pages; bad values dropped and reported); --replace drops services gone from it; --every 24h keeps it fresh.',
    async run(store, args) {
      try {
        console.log(await importServicesCommand(store, args));
      } catch (error) {
        if (error instanceof ImportRefused) throw new UsageError(error.message);
        throw error;
      }
    },
  },
  'create-user': {
    usage: CREATE_USER_USAGE,
    summary: 'Create a PA or manager account for one council and print a one-time password.',
    async run(store, args) {
      console.log(await createUserCommand(store, args));
    },
  },
  'list-devices': {
    usage: 'list-devices',
    summary: 'List every device with its person, last sync and whether it is revoked (no tokens are shown).',
    async run(store) {
      const devices = await listDevices(store);
      if (devices.length === 0) console.log('No devices yet.');
      for (const d of devices) {
        console.log(`${d.id}  person ${d.personId}  lastSeq ${d.lastSeq}  last seen ${d.lastSeenAt}  ${d.revokedAt ? `REVOKED ${d.revokedAt}` : 'active'}`);
      }
    },
  },
  'revoke-device': {
    usage: 'revoke-device <device-id>',
    summary: 'Stop a device syncing at once (a lost or shared phone). Its records stay with the person.',
    async run(store, [deviceId]) {
      if (!deviceId) throw new UsageError('Give the device id to revoke (see list-devices).');
      if (!(await revokeDevice(store, deviceId))) throw new UsageError(`No device with id ${deviceId}.`);
      console.log(`Device ${deviceId} is revoked.`);
    },
  },
  retention: {
    usage: 'retention',
    summary: 'Apply the retention rule now (the server also does it daily): delete what was finished with RETENTION_DAYS ago.',
    async run(store) {
      const days = loadConfig().retentionDays;
      const report = await applyRetention(store, days);
      console.log(`Deleted what was finished with over ${days} days ago: ${report.tombstones} tombstones, `
        + `${report.signedOutDevices} signed-out phones, ${report.codes} codes, ${report.staffSessions} staff sessions, `
        + `${report.reminders} sent reminders, ${report.guessCounters} guess counters, ${report.paPush} ended PA notifications.`);
    },
  },
};

class UsageError extends Error {}

function printHelp(): void {
  console.log('Usage: npm run admin -- <command> [args]\n\nCommands:');
  for (const command of Object.values(COMMANDS)) console.log(`  ${command.usage.padEnd(28)} ${command.summary}`);
  console.log(`  ${'help'.padEnd(28)} Show this list.`);
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help') {
    printHelp();
    return 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`Unknown command "${name}".`);
    printHelp();
    return 2;
  }
  const config = loadConfig();
  const store = openStore(config.database);
  try {
    await migrateToLatest(store);
    await command.run(store, args);
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(error.message);
      return 2;
    }
    console.error(`Failed on ${describeDatabase(config.database)}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await store.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
