// What Settings changes on the phone.
import { db } from '../../data/db.ts';

/** The person has read that a change was refused: it stops being listed (the change itself stays as it is here). */
export async function dismissRefusedChange(n: number): Promise<void> {
  await db.refusedChanges.delete(n);
}
