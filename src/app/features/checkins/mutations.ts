// Writes a check-in through the shared write path (record + outbox entry in one transaction).
import type { Checkin } from '../../../shared/checkins.ts';
import { db } from '../../data/db.ts';
import { askToKeepDataOnThisPhone } from '../../data/persist.ts';
import { saveRecord } from '../../data/records.ts';

export type CheckinAnswers = Pick<Checkin, 'mood' | 'hard' | 'good' | 'feelings' | 'note'>;

/** Creates the check-in when `id` is new, otherwise updates it, keeping fields other features own (e.g. sharing). */
export async function saveCheckin(id: string, at: string, answers: CheckinAnswers): Promise<Checkin> {
  const existing = await db.checkins.get(id);
  const record: Checkin = {
    sharedWithPa: false,
    ...existing,
    id,
    at: existing?.at ?? at,
    ...answers,
    note: answers.note.trim() === '' ? '' : answers.note,
    updatedAt: new Date().toISOString(),
  };
  await saveRecord('checkin', record);
  askToKeepDataOnThisPhone();
  return record;
}

export function newCheckinId(): string {
  return crypto.randomUUID();
}
