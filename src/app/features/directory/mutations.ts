// Saving and unsaving a service: backed up with everything else they own, never shared.
import { db } from '../../data/db.ts';
import { deleteRecord, saveRecord } from '../../data/records.ts';

export async function saveService(serviceId: string): Promise<void> {
  await saveRecord('favourite', { id: crypto.randomUUID(), serviceId, savedAt: new Date().toISOString() });
}

export async function unsaveService(serviceId: string): Promise<void> {
  // Every copy: a phone that saved it before a restore brought the same place back holds two.
  for (const copy of await db.favourites.where('serviceId').equals(serviceId).toArray()) await deleteRecord('favourite', copy.id);
}
