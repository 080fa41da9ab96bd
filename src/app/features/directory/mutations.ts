// Saving and unsaving a service: backed up with everything else they own, never shared.
import { deleteRecord, saveRecord } from '../../data/records.ts';
import { savedCopiesOf } from './queries.ts';

export async function saveService(serviceId: string): Promise<void> {
  await saveRecord('favourite', { id: crypto.randomUUID(), serviceId, savedAt: new Date().toISOString() });
}

export async function unsaveService(serviceId: string): Promise<void> {
  // Every copy: a phone that saved it before a restore brought the same place back holds two.
  for (const copy of await savedCopiesOf(serviceId)) await deleteRecord('favourite', copy.id);
}
