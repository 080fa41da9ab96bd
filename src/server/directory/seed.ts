// Seeds the default directory (national crisis lines, national services + the study's services) on start. Idempotent: unchanged
// services keep their version, so restarting the server sends phones nothing new.
import crisis from '../../shared/directory/data/crisis-contacts.json' with { type: 'json' };
import national from '../../shared/directory/data/national-services.json' with { type: 'json' };
import study from '../../shared/directory/data/study-services.json' with { type: 'json' };
import { defaultDirectory } from '../../shared/directory/seed.ts';
import type { Store } from '../store/database.ts';
import { writeServices, type WriteSummary } from './write.ts';

const DEFAULT_SOURCE = 'default';

export function seedDirectory(store: Store): Promise<WriteSummary> {
  return writeServices(store, DEFAULT_SOURCE, defaultDirectory(crisis.contacts, study.services, national), true);
}
