// Who needs their PA first, and why. A pure score over what each young person shared: danger signs (feeling unsafe,
// "Awful" more than once this week) outweigh requests, and requests outweigh a quiet "not good". Each sign found is
// a reason the PA page shows ("Feeling unsafe", "Awful twice this week", "Asked you to call"), the worst first.
import type { PaRequest, SharedItem } from './schemas.ts';

/** Every reason a young person can rise up the caseload, with its weight (a person's need is the sum of theirs). */
const NEED_WEIGHTS = {
  'feeling-unsafe': 100,
  'call-me': 90,
  'awful-repeated': 80,
  awful: 60,
  'cant-make-it': 40,
  'missed-appointment': 35,
  'travel-help': 30,
  'step-help': 28,
  'not-good': 25,
  /** A shared goal's next step is dated within the coming week (or has just passed): a chance to help, not a failing. */
  'step-due': 20,
  quiet: 20,
  unseen: 10,
} as const;
export type NeedReason = keyof typeof NEED_WEIGHTS;

/** Moods and "hard" answers count for a week: "Awful twice this week". Requests count until the PA has seen them. */
const WEEK_DAYS = 7;

/**
 * "Gone quiet": someone who chose to share check-ins regularly (at least QUIET_AFTER_SHARED of them) has shared none
 * for QUIET_DAYS. Only what they shared counts: a PA never learns whether they checked in without sharing.
 */
export const QUIET_DAYS = 14;
const QUIET_AFTER_SHARED = 3;

/** The reasons "Today at a glance" counts as needing the PA now (the rest only order the caseload). */
export const NEEDS_ME_NOW: readonly NeedReason[] = ['feeling-unsafe', 'call-me', 'awful-repeated', 'cant-make-it', 'missed-appointment', 'quiet'];

export type CaseloadEntry = {
  personId: string;
  name: string;
  connectedAt: string;
  unseen: number;
  /** Sum of the reasons' weights: higher is more in need. */
  need: number;
  /** Why, worst first. */
  reasons: NeedReason[];
  /** When the newest shared item happened (a check-in's own time, not when it was shared). */
  lastSharedAt: string | null;
  /** The PA's own label for them, if any. */
  label?: string | null;
  /** Their app's language code (the languages table), only if they agreed to show it; else null. */
  language?: string | null;
};

/** When an item happened (a check-in's own time), falling back to when it was shared. */
export function itemTime(item: SharedItem): string {
  return typeof item.data.at === 'string' ? new Date(item.data.at).toISOString() : item.sharedAt;
}

/**
 * The reasons in `items` (one person's shared items) at `now`, worst first, and their summed weight. `olderCheckins`
 * counts check-ins left out of `items` because they are long past and seen (the caseload reads only recent ones).
 */
export function needOf(items: readonly SharedItem[], now: number, olderCheckins = 0): { need: number; reasons: NeedReason[] } {
  const weekFrom = new Date(now - WEEK_DAYS * 86_400_000).toISOString();
  const found = new Set<NeedReason>();
  const thisWeek = items.filter((i) => i.kind === 'checkin' && itemTime(i) >= weekFrom);
  const awful = thisWeek.filter((i) => Number(i.data.mood) === 1).length;
  if (thisWeek.some((i) => Array.isArray(i.data.hard) && i.data.hard.includes('safety'))) found.add('feeling-unsafe');
  if (awful >= 2) found.add('awful-repeated');
  else if (awful === 1) found.add('awful');
  if (thisWeek.some((i) => Number(i.data.mood) === 2)) found.add('not-good');
  const checkins = items.filter((i) => i.kind === 'checkin');
  const quietFrom = new Date(now - QUIET_DAYS * 86_400_000).toISOString();
  if (checkins.length + olderCheckins >= QUIET_AFTER_SHARED && checkins.every((i) => itemTime(i) < quietFrom)) found.add('quiet');
  const unseen = items.filter((i) => !i.seenAt);
  for (const item of unseen) {
    if (item.kind === 'request' && String(item.data.request) in NEED_WEIGHTS) found.add(item.data.request as PaRequest & NeedReason);
  }
  const weekAhead = new Date(now + WEEK_DAYS * 86_400_000).toISOString().slice(0, 10);
  const dayAgo = new Date(now - 86_400_000).toISOString().slice(0, 10);
  if (items.some((i) => i.kind === 'goal' && i.data.onHold !== true && stepDueBetween(i.data.next, dayAgo, weekAhead))) found.add('step-due');
  if (unseen.length > 0 && found.size === 0) found.add('unseen');
  const reasons = [...found].sort((a, b) => NEED_WEIGHTS[b] - NEED_WEIGHTS[a]);
  return { need: reasons.reduce((sum, r) => sum + NEED_WEIGHTS[r], 0), reasons };
}

function stepDueBetween(next: unknown, from: string, to: string): boolean {
  const due = (next as { due?: unknown } | null)?.due;
  return typeof due === 'string' && due >= from && due <= to;
}

export function orderCaseload(entries: CaseloadEntry[]): CaseloadEntry[] {
  return [...entries].sort((a, b) =>
    b.need - a.need ||
    (b.lastSharedAt ?? '').localeCompare(a.lastSharedAt ?? '') ||
    a.name.localeCompare(b.name));
}
