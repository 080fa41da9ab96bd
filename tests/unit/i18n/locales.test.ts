import { describe, expect, it } from 'vitest';
import en from '../../../locales/en.json';
import ar from '../../../locales/ar.json';
import { pseudoLocalise, pseudoString } from '../../../src/app/i18n/pseudo.ts';

type Tree = { [key: string]: string | Tree };
const PLURAL = /_(zero|one|two|few|many|other)$/;

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}
// Plural forms differ by language (Arabic has six), so compare keys without their plural ending.
const baseKeys = (tree: Tree) => new Set([...leaves(tree).keys()].map((k) => k.replace(PLURAL, '')));
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('translations', () => {
  it('has every English key in Arabic', () => {
    const arabic = baseKeys(ar as Tree);
    const missing = [...baseKeys(en as Tree)].filter((k) => !arabic.has(k));
    expect(missing).toEqual([]);
  });

  it('has no Arabic key that English lacks (a typo would never show)', () => {
    const english = baseKeys(en as Tree);
    expect([...baseKeys(ar as Tree)].filter((k) => !english.has(k))).toEqual([]);
  });

  it('keeps the same {{placeholders}} in Arabic as in English', () => {
    const arabic = leaves(ar as Tree);
    const differing: string[] = [];
    const english = leaves(en as Tree);
    for (const [key, other] of arabic) {
      const text = english.get(key) ?? english.get(key.replace(PLURAL, '_other'));
      if (text === undefined) continue;
      // A plural form may spell the number out ("one change"), so there it may use fewer placeholders, never others.
      const fine = PLURAL.test(key)
        ? placeholders(other).every((p) => placeholders(text).includes(p))
        : placeholders(other).join() === placeholders(text).join();
      if (!fine) differing.push(key);
    }
    expect(differing).toEqual([]);
  });

  it('has no empty strings', () => {
    const empty = [...leaves(en as Tree), ...leaves(ar as Tree)].filter(([, v]) => v.trim() === '');
    expect(empty).toEqual([]);
  });
});

describe('pseudo-locales for tests', () => {
  it('makes en-XA accented and about 40% longer, keeping placeholders', () => {
    const text = 'Last backed up {{when}}';
    const pseudo = pseudoString(text, 'long');
    expect(pseudo).toContain('{{when}}');
    expect(pseudo).toMatch(/Łášŧ/);
    expect(pseudo.length).toBeGreaterThanOrEqual(Math.floor(text.length * 1.4));
  });

  it('wraps ar-XB text in right-to-left marks', () => {
    expect(pseudoString('Help now', 'rtl')).toBe('\u202BHelp now\u202C');
  });

  it('covers every key of English', () => {
    const pseudo = pseudoLocalise(en as Tree, 'long');
    expect([...leaves(pseudo).keys()]).toEqual([...leaves(en as Tree).keys()]);
  });
});
