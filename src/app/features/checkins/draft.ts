// A half-filled check-in is kept in sessionStorage as it is typed, so a reload or an update never loses it.
import type { MoodValue } from './moods.ts';

export type CheckinDraft = {
  /** Set once the face was tapped and the check-in saved; later details update the same check-in. */
  savedId?: string;
  at?: string;
  mood?: MoodValue;
  hard: string[];
  good: string[];
  feelings: string[];
  note: string;
  expanded: boolean;
};

const PREFIX = 'draft:checkin:';

export function readDraft(key: string): CheckinDraft | undefined {
  try {
    const raw = sessionStorage.getItem(PREFIX + key);
    return raw ? (JSON.parse(raw) as CheckinDraft) : undefined;
  } catch {
    return undefined;
  }
}

export function writeDraft(key: string, draft: CheckinDraft): void {
  try {
    sessionStorage.setItem(PREFIX + key, JSON.stringify(draft));
  } catch {
    // Storage full or blocked: the form still works, only reload-protection is lost.
  }
}

export function clearDraft(key: string): void {
  try {
    sessionStorage.removeItem(PREFIX + key);
  } catch {
    // Nothing to clear when storage is blocked.
  }
}
