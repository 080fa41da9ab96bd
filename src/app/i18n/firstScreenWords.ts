// Which English words the first screen needs: only these are bundled with it. The rest of English is its own
// chunk (englishWords.ts), read before any other screen or card draws (lazyWithWords.ts), so the first screen's
// script is about 10 KiB gzip smaller (issue 17). Tiny and dependency-free: the build, the app and the tests import it.

/**
 * Key groups (a dotted key and everything under it) of the shell, Today and the first-start language list.
 * tests/unit/i18n/firstScreenWords.test.ts fails when the first screen's code uses a word not listed here.
 */
const FIRST_SCREEN_KEYS = [
  'app', 'nav', 'helpNow', 'language', 'exit', 'sync', 'pwa', 'today', 'checkin',
  'plan.link', 'plan.title', 'plan.today', 'settings.discreet.plainName', 'privacy.title',
] as const;

/** @internal exported for its tests (knip --production) */
export const isFirstScreenKey = (key: string) =>
  FIRST_SCREEN_KEYS.some((group) => key === group || key.startsWith(`${group}.`) || key.startsWith(`${group}_`));

type Tree = { [key: string]: unknown };

/** The words of a locale tree whose dotted keys pass `keep`, in the same nested shape. */
function pick(tree: Tree, keep: (key: string) => boolean, prefix = ''): Tree {
  const out: Tree = {};
  for (const [name, value] of Object.entries(tree)) {
    const key = prefix ? `${prefix}.${name}` : name;
    if (typeof value === 'string') {
      if (keep(key)) out[name] = value;
    } else if (value && typeof value === 'object') {
      const inner = pick(value as Tree, keep, key);
      if (Object.keys(inner).length > 0) out[name] = inner;
    }
  }
  return out;
}

/** English in two parts: what the first screen draws with, and every other screen's words. */
export function splitEnglish(en: Tree): { firstScreen: Tree; rest: Tree } {
  return { firstScreen: pick(en, isFirstScreenKey), rest: pick(en, (key) => !isFirstScreenKey(key)) };
}
