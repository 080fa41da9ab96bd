// Query strings, read one way everywhere: a route that takes none refuses any (a typo is a 400, not ignored), and a
// number out of range is refused with a 400 naming it, never quietly clamped into something the caller did not ask for.
import { z } from 'zod';

export const noQuery = z.strictObject({});

/** A whole number written in the query string, from `min` to `max`. */
function wholeNumberParam(min: number, max: number, message: string) {
  return z.string().regex(/^\d{1,9}$/, message).transform(Number).refine((n) => n >= min && n <= max, message);
}

/** `?months=` of the manager's figures: 1 to 24, six when left out. */
export const monthsQuery = z.strictObject({ months: wholeNumberParam(1, 24, 'Must be a whole number of months (1–24)').default(6) });
