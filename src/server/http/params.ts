// Path parameters and the empty body that many routes take, and the 404 a PA gets for someone not theirs: defined
// once so every route reads and refuses them the same way. Schemas are built once, not per request: zod compiles a
// schema the first time it runs it.
import { z } from 'zod';

import { ApiError } from './errors.ts';

/** `:id` in the path: a share, code, cover, device or suggestion is named by a UUID, anything else is a 400. */
export const idParams = z.strictObject({ id: z.uuid() });

/** `:personId` in the path: a young person is named by a UUID, anything else is a 400. */
export const personParams = z.strictObject({ personId: z.uuid() });

/** For a POST that takes nothing: no body or `{}` is fine, any field is a mistake the caller should hear about. */
export const noBody = z.strictObject({}).optional();

/**
 * A PA asking about a young person not linked to them, or something no longer shared, gets this one 404: it never
 * says which, so a PA cannot learn who exists. `what` is what stopped being shared ("it", "this goal").
 */
export const notConnectedToYou = (what = 'it') =>
  new ApiError(404, { error: 'not-found', message: `Nothing here: this young person is not connected to you, or stopped sharing ${what}.` });
