// Rules the service worker and the page agree on; tiny and dependency-free so both can import it.

/** The message the page sends to let a waiting service worker take over. */
export const SKIP_WAITING = 'SKIP_WAITING';

/** True for addresses the app itself shows (offline they open the cached app); false for the API and the PA page. */
export function isAppNavigation(pathname: string): boolean {
  return !/^\/(api|pa)(\/|$)/.test(pathname);
}

/** The cache holding each language chunk the person has chosen (filled by the page, read by the worker). */
export const LANGUAGE_CACHE = 'languages';

/** True for a language's own chunk (/assets/fa-1a2b3c.js): not precached, kept once chosen. */
export function isLanguageChunk(pathname: string, codes: readonly string[]): boolean {
  const match = /^\/assets\/([a-z]{2,3})-[\w-]{6,}\.js$/.exec(pathname);
  return match !== null && codes.includes(match[1]);
}
