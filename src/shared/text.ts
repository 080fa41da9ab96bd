// Text people type is stored the same on every database: PostgreSQL cannot store NUL (U+0000) in text, and a lone
// surrogate (half of an emoji, from a broken client) is not Unicode at all, so SQLite would keep it and PostgreSQL
// would turn it into U+FFFD. Both are refused, with a 400 naming the field, before anything is written.
import { z } from 'zod';

export const UNSAFE_TEXT_MESSAGE = 'Must not contain NUL characters or unpaired surrogates';

// With the u flag a surrogate pair is one code point, so \p{Cs} matches only a surrogate standing alone.
const UNSAFE = /[\0\p{Cs}]/u;

/**
 * True when `value` can be stored and read back unchanged on both databases.
 * @internal exported for its tests (knip --production)
 */
export function isSafeText(value: string): boolean {
  return !UNSAFE.test(value);
}

/** A zod string that refuses NUL and lone surrogates; chain .trim(), .max() etc. as with z.string(). */
export const safeText = () => z.string().refine(isSafeText, UNSAFE_TEXT_MESSAGE);

/**
 * The path of the first string (as a value or an object key) in `value` that is not safe text, or undefined.
 * The server runs it over every body, query and path parameter, so no route can forget.
 */
export function findUnsafeText(value: unknown, path: (string | number)[] = []): (string | number)[] | undefined {
  if (typeof value === 'string') return isSafeText(value) ? undefined : path;
  if (value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findUnsafeText(value[i], [...path, i]);
      if (found) return found;
    }
    return undefined;
  }
  for (const [key, inner] of Object.entries(value)) {
    if (!isSafeText(key)) return [...path, key];
    const found = findUnsafeText(inner, [...path, key]);
    if (found) return found;
  }
  return undefined;
}
