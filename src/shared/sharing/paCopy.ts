// What the PA sees of a synced record: one function, used by the server to keep the PA's copy in step with every push
// and by the phone to preview, before sharing, exactly what will be sent. No zod: the first screen imports it.
import type { PaRequest } from './schemas.ts';

/** The kinds whose records can reach a PA. */
const SHAREABLE_KINDS = ['checkin', 'ons4', 'paRequest', 'goal'] as const;
export type ShareableKind = (typeof SHAREABLE_KINDS)[number];
/** The kind a PA's copy is filed under (a `paRequest` record shows as a `request`). */
export type CopyKind = 'checkin' | 'ons4' | 'request' | 'goal';

export const isShareableKind = (kind: string): kind is ShareableKind => (SHAREABLE_KINDS as readonly string[]).includes(kind);
export const copyKindOf = (kind: ShareableKind): CopyKind => (kind === 'paRequest' ? 'request' : kind);

type AnyRecord = Record<string, unknown>;

/**
 * The PA's copy of `record`, or null when it is not shared. A check-in's note goes only when `shareNote` is ticked;
 * the sharing flags themselves and edit times are the phone's business, not the PA's.
 * A request is always for the PA: that is what it is.
 */
export function paCopyOf(kind: ShareableKind, record: AnyRecord): AnyRecord | null {
  if (kind === 'paRequest') {
    const { request, about, at, appointment, travelHelp } = record;
    return { request, about: about ?? '', at, ...(appointment !== undefined && { appointment }), ...(travelHelp !== undefined && { travelHelp }) };
  }
  if (record.sharedWithPa !== true) return null;
  if (kind === 'goal') return goalCopyOf(record);
  if (kind === 'ons4') {
    const { id, at, life, worthwhile, happy, anxious } = record;
    return { id, at, life, worthwhile, happy, anxious };
  }
  const { id, at, mood, feelings, hard, good, note, shareNote } = record;
  return { id, at, mood, feelings: feelings ?? [], hard: hard ?? [], good: good ?? [], ...(shareNote === true && typeof note === 'string' && note.trim() !== '' && { note }) };
}

type StepLike = { id?: unknown; text?: unknown; due?: unknown; doneAt?: unknown };

/** A shared goal as the PA sees it: its words, its area, whether it is on hold, the steps done and the next one. */
function goalCopyOf(record: AnyRecord): AnyRecord {
  const { id, text, area, onHold, createdAt } = record;
  const steps = (Array.isArray(record.steps) ? record.steps : []) as StepLike[];
  const next = steps.find((s) => !s.doneAt);
  return {
    id, text, area, onHold: onHold === true, at: createdAt,
    done: steps.filter((s) => s.doneAt).map((s) => ({ text: s.text, doneAt: s.doneAt })),
    next: next ? { text: next.text, ...(typeof next.due === 'string' && { due: next.due }) } : null,
  };
}

/** Two requests of the same type about the same thing within this time are one request (a double tap, a retry). */
export const SAME_REQUEST_MS = 5 * 60_000;

type RequestLike = { request: PaRequest; at: string; about?: string; appointment?: { id: string } };

/** Whether `later` repeats `earlier`: same request, same appointment (or none), same step, within SAME_REQUEST_MS. */
export function repeatsRequest(earlier: RequestLike, later: RequestLike): boolean {
  return earlier.request === later.request
    && (earlier.request !== 'step-help' || earlier.about === later.about)
    && earlier.appointment?.id === later.appointment?.id
    && Math.abs(Date.parse(later.at) - Date.parse(earlier.at)) < SAME_REQUEST_MS;
}
