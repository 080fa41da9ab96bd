// Share and unshare choices wait in a queue on the phone and are sent in order when it is online,
// so sharing a check-in made offline works like everything else in the app.
import type { ShareInput } from '../../../shared/sharing/schemas.ts';
import { db } from '../../data/db.ts';
import { OfflineError, SharingHttpError, sendJson } from './api.ts';
import { refreshMyPa } from './status.ts';

export type ShareOutcome = { outOfHours: boolean; likelySeenFrom: string | null };

export async function queueShare(body: ShareInput, id: string): Promise<void> {
  await db.shareQueue.add({ action: 'share', id, body: body as unknown as Record<string, unknown> });
}

export async function queueUnshare(id: string): Promise<void> {
  await db.shareQueue.add({ action: 'unshare', id });
}

let flushing: Promise<ShareOutcome | null> | null = null;

/** Sends what is waiting. Returns the out-of-hours answer for the last share sent, or null. Never rejects. */
export function flushShareQueue(): Promise<ShareOutcome | null> {
  flushing ??= (async () => {
    let outcome: ShareOutcome | null = null;
    try {
      for (;;) {
        const next = await db.shareQueue.orderBy('n').first();
        if (!next) break;
        try {
          if (next.action === 'share') outcome = await sendJson<ShareOutcome>('POST', '/my-pa/shares', next.body);
          else await sendJson('DELETE', `/my-pa/shares/${next.id}`);
        } catch (error) {
          if (error instanceof OfflineError) break;
          // The server refused it for good (e.g. no PA connected, already unshared): waiting won't help.
          if (!(error instanceof SharingHttpError) || error.status >= 500 || error.status === 429) break;
        }
        await db.shareQueue.delete(next.n!);
      }
      await refreshMyPa();
    } finally {
      flushing = null;
    }
    return outcome;
  })();
  return flushing;
}

if (typeof window !== 'undefined') window.addEventListener('online', () => void flushShareQueue());
