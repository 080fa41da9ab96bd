// The same request tapped again and again ("Please call me" ten times in an afternoon) is one card with a count:
// consecutive identical requests, each within REPEAT_WINDOW_MS of the one before, are grouped. Pure, for tests.
import { itemTime } from '../../shared/sharing/caseload.ts';
import type { SharedItem } from '../../shared/sharing/schemas.ts';
import { textOf } from './text.ts';

/** @internal exported for its tests (knip --production) */
export const REPEAT_WINDOW_MS = 4 * 60 * 60 * 1000;

/** Items that show as one card, oldest first (most are groups of one). */
export type ItemGroup = SharedItem[];

const repeatKey = (item: SharedItem): string | null =>
  item.kind === 'request' && !item.data.appointment ? `${textOf(item.data.request)}\u0000${textOf(item.data.about)}` : null;

/** `items` in any order; groups oldest first. */
export function groupRepeats(items: readonly SharedItem[]): ItemGroup[] {
  const sorted = [...items].sort((a, b) => itemTime(a).localeCompare(itemTime(b)));
  const groups: ItemGroup[] = [];
  for (const item of sorted) {
    const last = groups.at(-1);
    const previous = last?.at(-1);
    const key = repeatKey(item);
    if (last && previous && key !== null && key === repeatKey(previous) && Date.parse(itemTime(item)) - Date.parse(itemTime(previous)) <= REPEAT_WINDOW_MS) last.push(item);
    else groups.push([item]);
  }
  return groups;
}
