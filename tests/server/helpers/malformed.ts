// fast-check arbitraries for malformed API requests: broken JSON, wrong content types, junk values, extra and
// prototype-polluting keys, bad ids, out-of-range numbers. Each request is filtered so it can never be valid.
import fc from 'fast-check';

import { FEELINGS, LIFE_AREAS } from '../../../src/shared/checkinOptions.ts';

export type RawRequest = { method: string; url: string; headers: Record<string, string>; payload?: string | Buffer };
type Body = { contentType: string; payload: string };
type Path = (string | number)[];

const HUGE_STRING = 'x'.repeat(2 * 1024 * 1024);

export const junkValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.constantFrom<unknown>(-1, 0, 1.5, 1e20, -1e20, 2 ** 53, Number.MAX_SAFE_INTEGER, '', ' ', 'x'.repeat(5000), null, true, [], {}, [[[[]]]],
    '__proto__', 'not-a-uuid', '00000000-0000-0000-0000-00000000000g', '2026-13-45T99:99:99Z', '<script>alert(1)</script>', "'; drop table records; --"),
  fc.string({ maxLength: 40 }),
);

const pollutingKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra', 'isAdmin', 'personId');
const JSON_TYPES = ['application/json', 'application/json; charset=utf-8'];

const wrongContentType = fc.record({
  contentType: fc.constantFrom('text/plain', 'text/html', 'application/xml', 'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x', 'application/octet-stream', 'image/png', 'application/jsonp', 'json', 'application/javascript'),
  payload: fc.oneof(fc.string({ minLength: 1, maxLength: 200 }), fc.constant('{"linkCode":"ABCD-EFGH-JK"}')),
});

const brokenJsonText = fc.record({
  contentType: fc.constantFrom(...JSON_TYPES),
  payload: fc.oneof(
    fc.string({ minLength: 1, maxLength: 200 }),
    fc.constantFrom('{', '{"a":', '[1,', '{"deviceId": }', 'nul', '{"a":1}}', "{'a':1}", '\u0000', '{"a":1,}', 'undefined', 'NaN', ' '),
    fc.constantFrom('{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}',
      '{"a":{"__proto__":{"polluted":true}}}', '{"deviceId":"x","__proto__":[]}'),
    fc.constant(HUGE_STRING),
  ),
});

function setAt(target: unknown, path: Path, value: unknown, remove: boolean): unknown {
  if (path.length === 0) return value;
  const clone = structuredClone(target) as Record<string | number, unknown>;
  let node = clone as Record<string | number, unknown> | undefined;
  for (const key of path.slice(0, -1)) {
    node = node?.[key] as Record<string | number, unknown> | undefined;
    if (node === null || typeof node !== 'object') return clone;
  }
  const last = path[path.length - 1];
  if (!node) return clone;
  // An array's `length` cannot be redefined; such a path leaves the body as it was (the filter drops it if valid).
  if (Object.getOwnPropertyDescriptor(node, last)?.configurable === false) return clone;
  if (remove) delete node[last];
  else Object.defineProperty(node, last, { value, enumerable: true, writable: true, configurable: true });
  return clone;
}

/** Corrupts a valid body at one of `paths`: replace with junk, remove, or add an extra (possibly polluting) key. */
export function corrupted(valid: fc.Arbitrary<unknown>, paths: Path[], special: fc.Arbitrary<[Path, unknown]>): fc.Arbitrary<unknown> {
  const path = fc.constantFrom(...paths);
  return fc.oneof(
    fc.tuple(valid, path, junkValue).map(([v, p, j]) => setAt(v, p, j, false)),
    fc.tuple(valid, path).map(([v, p]) => setAt(v, p, undefined, true)),
    fc.tuple(valid, path, fc.oneof(pollutingKey, fc.string({ minLength: 1, maxLength: 12 })), junkValue).map(([v, p, k, j]) => setAt(v, [...p, k], j, false)),
    fc.tuple(valid, special).map(([v, [p, j]]) => setAt(v, p, j, false)),
    fc.tuple(valid, special, special).map(([v, [p1, j1], [p2, j2]]) => setAt(setAt(v, p1, j1, false), p2, j2, false)),
  );
}

/** A request body: malformed JSON, a wrong content type, or a JSON value that `isValid` rejects. */
export function malformedBody(jsonValues: fc.Arbitrary<unknown>, isValid: (body: unknown) => boolean): fc.Arbitrary<Body> {
  const asJson = fc.tuple(jsonValues, fc.constantFrom(...JSON_TYPES)).map(([v, contentType]) => ({ contentType, payload: JSON.stringify(v) ?? 'undefined' }));
  return fc.oneof({ weight: 6, arbitrary: asJson }, { weight: 2, arbitrary: brokenJsonText }, { weight: 2, arbitrary: wrongContentType })
    .filter((b) => !(b.contentType.startsWith('application/json') && parsesTo(b.payload, isValid)));
}

function parsesTo(text: string, isValid: (body: unknown) => boolean): boolean {
  try {
    return isValid(JSON.parse(text));
  } catch {
    return false;
  }
}

export const checkinFields = fc.record({
  at: fc.constant('2026-11-20T10:00:00.000Z'),
  mood: fc.constantFrom(1, 2, 3, 4, 5),
  hard: fc.subarray([...LIFE_AREAS], { maxLength: 2 }),
  good: fc.constant([]),
  feelings: fc.subarray([...FEELINGS], { maxLength: 2 }),
  note: fc.string({ maxLength: 20 }),
  sharedWithPa: fc.boolean(),
  updatedAt: fc.constant('2026-11-20T10:00:00.000Z'),
});

/** Text PostgreSQL cannot store (NUL) or that is not Unicode (a lone surrogate), alone or inside ordinary text. */
export const unsafeText = fc.tuple(
  fc.constantFrom('\u0000', '\ud800', '\udfff', '\udc00\ud800', '\ud83d', '\u0000\ud800'),
  fc.string({ maxLength: 8 }),
  fc.string({ maxLength: 8 }),
).map(([bad, before, after]) => before + bad + after);

/** The same in a URL: NUL escaped, a surrogate as its (invalid) UTF-8 bytes, CESU-8 style. */
export const unsafeUrlText = fc.constantFrom('%00', 'a%00', '%00.json', '%ED%A0%80', 'x%ED%BF%BF', '%C0%80', '%FF');

/** JSON sent with a charset other than UTF-8: refused, never read as UTF-8. */
export const otherCharset = fc.constantFrom('application/json; charset=utf-16', 'application/json; charset=UTF-16LE',
  'application/json; charset=latin1', 'application/json; charset=iso-8859-1', 'application/json;charset="windows-1252"',
  'application/json; charset=us-ascii', 'application/json; charset=');

/** Bytes that are not UTF-8 (a stray byte, an overlong slash, an encoded surrogate) inside a JSON string. */
export const notUtf8Json = fc.constantFrom([0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf8, 0x88, 0x80, 0x80, 0x80])
  .map((bytes) => Buffer.concat([Buffer.from('{"linkCode":"ABCD'), Buffer.from(bytes), Buffer.from('EFGH"}')]));

/** `path` with some of its letters, digits and -._~ percent-encoded: the same path to the router. */
export function encodedPath(path: string): fc.Arbitrary<string> {
  return fc.array(fc.boolean(), { minLength: path.length, maxLength: path.length }).map((flags) =>
    [...path].map((char, i) => (flags[i] && /[A-Za-z0-9\-._~]/.test(char)
      ? `%${char.charCodeAt(0).toString(16).padStart(2, '0')}`[i % 2 ? 'toUpperCase' : 'toLowerCase']()
      : char)).join(''));
}
