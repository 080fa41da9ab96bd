// A half-filled check-in, kept through the app's one draft mechanism (src/app/ui/draft.ts) as it is typed, so a
// reload or an update never loses it. Its own helpers only because the form also keeps a just-saved face.
import type { Mood } from '../../../shared/checkinOptions.ts';
import { clearDraft as clearKept, readDraft as readKept, writeDraft as writeKept } from '../../ui/draft.ts';

export type CheckinDraft = {
  /** Set once the face was tapped and the check-in saved; later details update the same check-in. */
  savedId?: string;
  at?: string;
  mood?: Mood;
  hard: string[];
  good: string[];
  feelings: string[];
  note: string;
  expanded: boolean;
};

/** The key the draft is kept (and marked unsaved) under. */
export const checkinDraftKey = (key: string) => `checkin:${key}`;

export const readDraft = (key: string) => readKept<CheckinDraft>(checkinDraftKey(key));
export const writeDraft = (key: string, draft: CheckinDraft) => writeKept(checkinDraftKey(key), draft);
export const clearDraft = (key: string) => clearKept(checkinDraftKey(key));
