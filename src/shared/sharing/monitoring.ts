// Anonymous monthly figures for managers, from young people who chose to count. No figure may describe one person:
// - every figure (a count, an average, each band's share) rests on at least MIN_PEOPLE people, or is hidden (null),
//   and when hiding one band would let it be worked out from the others, more bands are hidden;
// - counts are shown in bands of COUNT_STEP (10–14, 15–19 …), shares in steps of 5 %, averages as whole numbers;
// - a figure is released again only when its group has changed by at least MIN_CHANGE people since EVERY earlier
//   release of it; until then the last released figure is shown, so comparing two releases never singles anyone out.
import { ONS4_ITEMS, type Ons4Band, ons4Band, type Ons4Item } from '../ons4Bands.ts';

export const MIN_PEOPLE = 10;
export const COUNT_STEP = 5;
/** @internal exported for its tests (knip --production) */
export const MIN_CHANGE = 5;
const SHARE_STEPS = 20; // shares in steps of 1/20 = 5 %

export type MonitoringCheckin = { personId: string; month: string };
export type MonitoringOns4 = { personId: string; month: string; at: string } & Record<Ons4Item, number>;

export type MonthFigures = {
  month: string;
  /** Young people who count in monitoring and made at least one check-in this month: the lower end of a band of 5. */
  checkingIn: number | null;
  /** Young people who answered the ONS4 questions this month (their latest answers count): lower end of a band of 5. */
  ons4Respondents: number | null;
  /** Whole numbers. */
  ons4Averages: Record<Ons4Item, number> | null;
  /** Share (0–1, in steps of 0.05) of respondents in each band, per question; null where that band is hidden. */
  ons4Bands: Record<Ons4Item, Partial<Record<Ons4Band, number | null>>> | null;
};

export type CouncilFigures = { participants: number | null; months: MonthFigures[] };

/** Who a figure was made from: person → what they contributed (so a changed answer counts as a changed person). */
export type Group = Record<string, string>;
/** Every release of each figure so far, by figure key ('participants', '2026-11:checkins', '2026-11:ons4'). */
export type Releases = Record<string, { members: Group; figure: unknown }[]>;

/** A count of people as shown: hidden under MIN_PEOPLE, else the lower end of its band of COUNT_STEP. */
export function countBand(count: number): number | null {
  return count >= MIN_PEOPLE ? Math.floor(count / COUNT_STEP) * COUNT_STEP : null;
}

/**
 * How many people are in one group and not the other, or in both with different contributions.
 * @internal exported for its tests (knip --production)
 */
export function changedPeople(a: Group, b: Group): number {
  let changed = 0;
  for (const [person, value] of Object.entries(a)) if (b[person] !== value) changed++;
  for (const person of Object.keys(b)) if (!(person in a)) changed++;
  return changed;
}

/** Each band's share, hiding bands of fewer than MIN_PEOPLE and, while the hidden ones could be worked out, more. */
function bandShares(counts: Partial<Record<Ons4Band, number>>, total: number): Partial<Record<Ons4Band, number | null>> {
  const bands = (Object.keys(counts) as Ons4Band[]).filter((b) => counts[b]! > 0);
  const hidden = new Set(bands.filter((b) => counts[b]! < MIN_PEOPLE));
  const hiddenSum = () => [...hidden].reduce((sum, b) => sum + counts[b]!, 0);
  while (hiddenSum() > 0 && (hiddenSum() < MIN_PEOPLE || hidden.size === 1)) {
    const next = bands.filter((b) => !hidden.has(b)).sort((x, y) => counts[x]! - counts[y]!)[0];
    if (!next) break;
    hidden.add(next);
  }
  const shares: Partial<Record<Ons4Band, number | null>> = {};
  for (const b of bands) shares[b] = hidden.has(b) ? null : Math.round((counts[b]! / total) * SHARE_STEPS) / SHARE_STEPS;
  return shares;
}

type Ons4Figures = Pick<MonthFigures, 'ons4Respondents' | 'ons4Averages' | 'ons4Bands'>;

function latestAnswers(month: string, ons4: MonitoringOns4[]): MonitoringOns4[] {
  const latest = new Map<string, MonitoringOns4>();
  for (const row of ons4) {
    if (row.month !== month) continue;
    const prev = latest.get(row.personId);
    if (!prev || prev.at < row.at) latest.set(row.personId, row);
  }
  return [...latest.values()];
}

function ons4Figures(answers: MonitoringOns4[]): Ons4Figures {
  if (answers.length < MIN_PEOPLE) return { ons4Respondents: null, ons4Averages: null, ons4Bands: null };
  const averages = {} as Record<Ons4Item, number>;
  const bands = {} as Record<Ons4Item, Partial<Record<Ons4Band, number | null>>>;
  for (const item of ONS4_ITEMS) {
    averages[item] = Math.round(answers.reduce((sum, a) => sum + a[item], 0) / answers.length);
    const counts: Partial<Record<Ons4Band, number>> = {};
    for (const a of answers) counts[ons4Band(item, a[item])] = (counts[ons4Band(item, a[item])] ?? 0) + 1;
    bands[item] = bandShares(counts, answers.length);
  }
  return { ons4Respondents: countBand(answers.length), ons4Averages: averages, ons4Bands: bands };
}

/**
 * The figure to show for `key` made from `members`: the fresh one when it may be released (and then it is added to
 * `releases`), else the last one released. A hidden figure (null) is never recorded as a release.
 */
export function release<T>(releases: Releases, key: string, members: Group, fresh: T | null): T | null {
  if (fresh === null) return null;
  const earlier = releases[key] ?? [];
  if (earlier.every((r) => changedPeople(r.members, members) >= MIN_CHANGE)) {
    releases[key] = [...earlier, { members, figure: fresh }];
    return fresh;
  }
  return earlier[earlier.length - 1].figure as T;
}

export const membersOf = (ids: Iterable<string>): Group => Object.fromEntries([...ids].map((id) => [id, '1']));

/**
 * One month's figures; `releases` holds what was shown before and gains what is released now.
 * @internal exported for its tests (knip --production)
 */
export function monthFigures(month: string, checkins: MonitoringCheckin[], ons4: MonitoringOns4[], releases: Releases = {}): MonthFigures {
  const checkers = new Set(checkins.filter((c) => c.month === month).map((c) => c.personId));
  const answers = latestAnswers(month, ons4);
  const answerers = Object.fromEntries(answers.map((a) => [a.personId, ONS4_ITEMS.map((i) => a[i]).join(',')]));
  const shownOns4 = release(releases, `${month}:ons4`, answerers, answers.length >= MIN_PEOPLE ? ons4Figures(answers) : null);
  return {
    month,
    checkingIn: release(releases, `${month}:checkins`, membersOf(checkers), countBand(checkers.size)),
    ...(shownOns4 ?? ons4Figures([])),
  };
}

/** Figures for each month, newest first; `releases` gains what is released now (the caller stores it). */
export function councilFigures(participants: string[], months: string[], checkins: MonitoringCheckin[], ons4: MonitoringOns4[], releases: Releases = {}): CouncilFigures {
  return {
    participants: release(releases, 'participants', membersOf(participants), countBand(new Set(participants).size)),
    months: [...months].sort().reverse().map((m) => monthFigures(m, checkins, ons4, releases)),
  };
}

/** The last `count` calendar months (YYYY-MM, UTC), this month first. */
export function recentMonths(now: Date, count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1)).toISOString().slice(0, 7));
  }
  return out;
}
