// Which words Help now (and the header and navigation around it) needs: for all 14 languages these ship in one
// small precached chunk, so someone with no signal can switch to Tigrinya and still read how to get help.
// Tiny and dependency-free: the build (vite.config.ts), the app and the tests import it.

/** Key prefixes (dotted) whose words go into the Help-now chunk. */
const HELP_NOW_KEY_PREFIXES = [
  'help.', 'helpNow.', 'exit.', 'nav.', 'language.', 'app.name',
  'directory.hours.', 'directory.actions.call', 'directory.actions.text',
] as const;

/**
 * Left out to stay within 12 KB for all languages: the keyboard-only Exit hints (phones have no Shift key), the
 * read-aloud words and the skip link; offline, before the language's own chunk is on the phone, those read in English.
 */
const LEFT_OUT = /^(exit\.(shift|explainShift)|language\.readAloud\.)/;

/** @internal exported for its tests (knip --production) */
export const isHelpNowKey = (key: string) => HELP_NOW_KEY_PREFIXES.some((prefix) => key.startsWith(prefix)) && !LEFT_OUT.test(key);

/** Packed words: one key list, then per language its values in that order (null where it has no such key). */
export type PackedWords = { keys: string[]; words: Record<string, (string | null)[]> };

type Tree = { [key: string]: unknown };

/** @internal exported for its tests (knip --production) */
export function flatten(tree: Tree, prefix = '', out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else if (value && typeof value === 'object') flatten(value as Tree, path, out);
  }
  return out;
}

/** Packs each language's Help-now words (values only, keys once: a third smaller after gzip than nested JSON). */
export function packHelpNowWords(locales: Record<string, Tree>): PackedWords {
  const flat = Object.fromEntries(Object.entries(locales).map(([code, tree]) => [code, flatten(tree)]));
  const keys = [...new Set(Object.values(flat).flatMap((words) => [...words.keys()].filter(isHelpNowKey)))].sort();
  return { keys, words: Object.fromEntries(Object.entries(flat).map(([code, words]) => [code, keys.map((k) => words.get(k) ?? null)])) };
}

/**
 * A locale without its Help-now words (they ship in their own chunk), dropping sections left empty.
 * @internal exported for its tests (knip --production)
 */
export function withoutHelpNowWords(tree: Tree, prefix = ''): Tree {
  const kept: Tree = {};
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') {
      if (!isHelpNowKey(path)) kept[key] = value;
    } else if (value && typeof value === 'object') {
      const section = withoutHelpNowWords(value as Tree, path);
      if (Object.keys(section).length > 0) kept[key] = section;
    }
  }
  return kept;
}

/** One language's words back into an i18next resource tree. */
export function unpackHelpNowWords(packed: PackedWords, code: string): Tree {
  const tree: Tree = {};
  packed.keys.forEach((key, i) => {
    const value = packed.words[code]?.[i];
    if (value == null) return;
    const parts = key.split('.');
    let node = tree;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Tree;
    node[parts[parts.length - 1]] = value;
  });
  return tree;
}
