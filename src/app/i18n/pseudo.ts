// Pseudo-locales for tests: en-XA (accented, ~40% longer) finds untranslated text and clipped layouts;
// ar-XB (mirrored direction) finds right-to-left bugs. Built from English; never offered to users.
type Tree = { [key: string]: string | Tree };

const ACCENTED: Record<string, string> = {
  a: 'á', b: 'ƀ', c: 'ç', d: 'ð', e: 'é', f: 'ƒ', g: 'ğ', h: 'ħ', i: 'î', j: 'ĵ', k: 'ķ', l: 'ł', m: 'ɱ',
  n: 'ñ', o: 'ö', p: 'þ', q: 'ǫ', r: 'ŕ', s: 'š', t: 'ŧ', u: 'ü', v: 'ṽ', w: 'ŵ', x: 'ẋ', y: 'ý', z: 'ž',
  A: 'Å', B: 'Ɓ', C: 'Ç', D: 'Ð', E: 'É', F: 'Ƒ', G: 'Ğ', H: 'Ħ', I: 'Î', J: 'Ĵ', K: 'Ķ', L: 'Ł', M: 'Ṁ',
  N: 'Ñ', O: 'Ö', P: 'Þ', Q: 'Ǫ', R: 'Ŕ', S: 'Š', T: 'Ŧ', U: 'Ü', V: 'Ṽ', W: 'Ŵ', X: 'Ẋ', Y: 'Ý', Z: 'Ž',
};
// Right-to-left marks around each string make Latin text behave like a right-to-left script in layout.
const RLE = '\u202B';
const PDF = '\u202C';

/**
 * Rewrites one string, leaving {{placeholders}} and $t(nesting) untouched so interpolation still works.
 * @internal exported for its tests (knip --production)
 */
export function pseudoString(text: string, mode: 'long' | 'rtl'): string {
  const parts = text.split(/(\{\{[^}]+\}\}|\$t\([^)]*\))/);
  const body = parts.map((part, i) => (i % 2 === 1 ? part : mode === 'long' ? [...part].map((c) => ACCENTED[c] ?? c).join('') : part)).join('');
  if (mode === 'rtl') return `${RLE}${body}${PDF}`;
  // Pad by ~40% so layouts are tested with the longer text many languages need.
  const pad = '~'.repeat(Math.ceil(text.length * 0.4));
  return `[${body}${pad}]`;
}

export function pseudoLocalise(resources: Tree, mode: 'long' | 'rtl'): Tree {
  const out: Tree = {};
  for (const [key, value] of Object.entries(resources)) {
    out[key] = typeof value === 'string' ? pseudoString(value, mode) : pseudoLocalise(value, mode);
  }
  return out;
}
