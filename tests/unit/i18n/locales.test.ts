import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import en from '../../../locales/en.json';
import { pseudoLocalise, pseudoString } from '../../../src/app/i18n/pseudo.ts';
import { LANGUAGES, PA_PAGE_LANGUAGES } from '../../../src/shared/languages.ts';

type Tree = { [key: string]: string | boolean | Tree };
const PLURAL = /_(zero|one|two|few|many|other)$/;
const LOCALES = path.resolve(import.meta.dirname, '../../../locales');
// A language without its file reads as empty, so every key is named missing (and the table check names the file).
const read = (code: string): Tree => {
  const file = path.join(LOCALES, `${code}.json`);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Tree) : {};
};

// A translation's own notes (locales/README.md explains them): never shown, so not part of the key checks.
const META = 'meta';

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (!prefix && key === META) continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else if (typeof value === 'object') for (const [k, v] of leaves(value, path)) out.set(k, v);
    else out.set(path, String(value));
  }
  return out;
}
// Plural forms differ by language (Arabic has six), so compare keys without their plural ending.
const baseKeys = (tree: Tree) => new Set([...leaves(tree).keys()].map((k) => k.replace(PLURAL, '')));
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)[^}]*\}\}/g)].map((m) => m[1]).sort();
const english = leaves(en);
const pluralBasesOf = (tree: Tree) => [...new Set([...leaves(tree).keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')))];
// Only the PA page's own languages carry its words (src/shared/languages.ts says why).
const showsPaPage = (code: string) => (PA_PAGE_LANGUAGES as readonly string[]).includes(code);
const { pa: _paPage, ...englishForPhones } = en as Tree;

describe('the languages table and the locale files agree', () => {
  it('has a locale file for every language in the table, and no file the table lacks', () => {
    const files = readdirSync(LOCALES).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
    expect(files).toEqual(LANGUAGES.map((l) => l.code).sort());
  });

  it("marks each translation's review state as the table says", () => {
    for (const language of LANGUAGES.filter((l) => l.code !== 'en')) {
      expect({ code: language.code, reviewed: (read(language.code).meta as Tree | undefined)?.reviewed }).toEqual({ code: language.code, reviewed: language.reviewed });
    }
  });
});

for (const language of LANGUAGES.filter((l) => l.code !== 'en')) {
  describe(`translation: ${language.englishName} (${language.code})`, () => {
    const tree = read(language.code);
    const translated = leaves(tree);
    const reference = showsPaPage(language.code) ? (en as Tree) : englishForPhones;

    it('has every English key (a missing key names itself here)', () => {
      const have = baseKeys(tree);
      expect([...baseKeys(reference)].filter((k) => !have.has(k))).toEqual([]);
    });

    it('has no key that English lacks (a typo would never show)', () => {
      const known = baseKeys(reference);
      expect([...baseKeys(tree)].filter((k) => !known.has(k))).toEqual([]);
    });

    if (!showsPaPage(language.code)) {
      it("leaves out the PA page's words, which only its own languages show", () => {
        expect(tree.pa).toBeUndefined();
      });
    }

    it('keeps the same {{placeholders}} as English', () => {
      const differing: string[] = [];
      for (const [key, other] of translated) {
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

    it(`has every plural form Intl.PluralRules gives ${language.intl}`, () => {
      const categories = new Intl.PluralRules(language.intl).resolvedOptions().pluralCategories;
      const missing = pluralBasesOf(reference).flatMap((base) => categories.map((c) => `${base}_${c}`)).filter((k) => !translated.has(k));
      expect(missing).toEqual([]);
    });

    it('has no empty strings', () => {
      expect([...translated].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
    });
  });
}

describe('English', () => {
  it('has no empty strings', () => {
    expect([...english].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
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
    const pseudo = pseudoLocalise(en, 'long') as Tree;
    expect([...leaves(pseudo).keys()]).toEqual([...leaves(en as Tree).keys()]);
  });
});
