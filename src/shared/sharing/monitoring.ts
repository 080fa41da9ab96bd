// Anonymous monthly figures for managers, from young people who chose to count. Any figure from fewer
// than MIN_PEOPLE people is hidden (null), so no one can be picked out of a small group.
import { ONS4_ITEMS, ons4Band, type Ons4Band, type Ons4Item } from '../ons4.ts';

export const MIN_PEOPLE = 10;

export type MonitoringCheckin = { personId: string; month: string };
export type MonitoringOns4 = { personId: string; month: string; at: string } & Record<Ons4Item, number>;

export type MonthFigures = {
  month: string;
  /** Young people who count in monitoring and made at least one check-in this month. */
  checkingIn: number | null;
  /** Young people who answered the ONS4 questions this month (their latest answers count). */
  ons4Respondents: number | null;
  ons4Averages: Record<Ons4Item, number> | null;
  /** Share (0–1) of respondents in each ONS band, per question. */
  ons4Bands: Record<Ons4Item, Partial<Record<Ons4Band, number>>> | null;
};

export type CouncilFigures = { participants: number | null; months: MonthFigures[] };

const round1 = (n: number) => Math.round(n * 10) / 10;
const round3 = (n: number) => Math.round(n * 1000) / 1000;

/** A person count, or null when it is too small to show. */
export function suppressed(count: number): number | null {
  return count >= MIN_PEOPLE ? count : null;
}

export function monthFigures(month: string, checkins: MonitoringCheckin[], ons4: MonitoringOns4[]): MonthFigures {
  const checkers = new Set(checkins.filter((c) => c.month === month).map((c) => c.personId));
  const latest = new Map<string, MonitoringOns4>();
  for (const row of ons4) {
    if (row.month !== month) continue;
    const prev = latest.get(row.personId);
    if (!prev || prev.at < row.at) latest.set(row.personId, row);
  }
  const answers = [...latest.values()];
  const enough = answers.length >= MIN_PEOPLE;
  let averages: MonthFigures['ons4Averages'] = null;
  let bands: MonthFigures['ons4Bands'] = null;
  if (enough) {
    averages = {} as Record<Ons4Item, number>;
    bands = {} as Record<Ons4Item, Partial<Record<Ons4Band, number>>>;
    for (const item of ONS4_ITEMS) {
      averages[item] = round1(answers.reduce((sum, a) => sum + a[item], 0) / answers.length);
      const counts: Partial<Record<Ons4Band, number>> = {};
      for (const a of answers) {
        const band = ons4Band(item, a[item]);
        counts[band] = (counts[band] ?? 0) + 1;
      }
      for (const band of Object.keys(counts) as Ons4Band[]) counts[band] = round3(counts[band]! / answers.length);
      bands[item] = counts;
    }
  }
  return { month, checkingIn: suppressed(checkers.size), ons4Respondents: suppressed(answers.length), ons4Averages: averages, ons4Bands: bands };
}

/** Figures for each month, newest first. */
export function councilFigures(participants: number, months: string[], checkins: MonitoringCheckin[], ons4: MonitoringOns4[]): CouncilFigures {
  return {
    participants: suppressed(participants),
    months: [...months].sort().reverse().map((m) => monthFigures(m, checkins, ons4)),
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
