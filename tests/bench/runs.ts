// Several runs of one measurement, summed up the one way every bench reports them: the median, and the spread.

/** The middle value (the upper of the two middles for an even count): one slow run on a shared machine does not move it. */
export function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
}

/** Each figure's median over several runs of the same measurement. */
export function mediansOf<T extends Record<string, number>>(runs: T[]): T {
  const keys = Object.keys(runs[0]) as (keyof T)[];
  return Object.fromEntries(keys.map((key) => [key, median(runs.map((run) => run[key]))])) as T;
}

/** "lowest–highest" of one figure over several runs: how far apart they were. */
export function spreadOf<T>(runs: T[], pick: (run: T) => number, digits = 0): string {
  const values = runs.map(pick);
  return `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;
}
