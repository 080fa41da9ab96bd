// Every local write goes through here so the record and its outbox entry land in one transaction:
// if the phone dies mid-write, either both exist or neither does, and nothing is lost or half-sent.
import type { PersonalKind } from '../../shared/sync.ts';
import { db, tableForKind } from './db.ts';

function tableOf(kind: PersonalKind) {
  const name = tableForKind[kind];
  if (!name) throw new Error(`No local table for kind ${kind}`);
  return db.table(name);
}

export async function saveRecord<T extends { id: string }>(kind: PersonalKind, record: T): Promise<void> {
  const table = tableOf(kind);
  await db.transaction('rw', table, db.outbox, async () => {
    await table.put(record);
    await db.outbox.add({ kind, op: 'put', id: record.id, record: { ...record }, clientTime: new Date().toISOString() });
  });
  afterLocalWrite();
}

export async function deleteRecord(kind: PersonalKind, id: string): Promise<void> {
  const table = tableOf(kind);
  await db.transaction('rw', table, db.outbox, async () => {
    await table.delete(id);
    await db.outbox.add({ kind, op: 'delete', id, clientTime: new Date().toISOString() });
  });
  afterLocalWrite();
}

type WriteListener = () => void;
const writeListeners = new Set<WriteListener>();

/** The sync client subscribes here to push soon after a change. */
export function onLocalWrite(listener: WriteListener): () => void {
  writeListeners.add(listener);
  return () => writeListeners.delete(listener);
}

function afterLocalWrite() {
  for (const listener of writeListeners) listener();
}
