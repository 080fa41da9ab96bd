// Today at a glance and the caseload's search and filters: pure, so they are tested without a page.
import { type CaseloadEntry, type NeedReason, NEEDS_ME_NOW } from '../../shared/sharing/caseload.ts';

export type CaseloadFilter = { search: string; needsMe: boolean; unseen: boolean; quietDays: number | null };
export const NO_FILTER: CaseloadFilter = { search: '', needsMe: false, unseen: false, quietDays: null };
export const QUIET_CHOICES = [7, 14, 30] as const;

const needsMeNow = (entry: CaseloadEntry): boolean => entry.reasons.some((r) => NEEDS_ME_NOW.includes(r));

/** For each reason that needs the PA now, who has it (in caseload order); reasons nobody has are left out. */
export function glance(caseload: readonly CaseloadEntry[]): { total: number; reasons: { reason: NeedReason; people: CaseloadEntry[] }[] } {
  const reasons = NEEDS_ME_NOW.map((reason) => ({ reason, people: caseload.filter((e) => e.reasons.includes(reason)) })).filter((r) => r.people.length > 0);
  return { total: caseload.filter(needsMeNow).length, reasons };
}

/** Case- and accent-insensitive, on the name they gave and the PA's own label. */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase();

export function filterCaseload(caseload: readonly CaseloadEntry[], filter: CaseloadFilter, now = Date.now()): CaseloadEntry[] {
  const search = fold(filter.search.trim());
  const quietBefore = filter.quietDays === null ? null : new Date(now - filter.quietDays * 86_400_000).toISOString();
  return caseload.filter((e) =>
    (!search || fold(`${e.name} ${e.label ?? ''}`).includes(search)) &&
    (!filter.needsMe || needsMeNow(e)) &&
    (!filter.unseen || e.unseen > 0) &&
    (quietBefore === null || e.lastSharedAt === null || e.lastSharedAt < quietBefore));
}
