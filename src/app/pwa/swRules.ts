// Rules the service worker and the page agree on; tiny and dependency-free so both can import it.

/** The message the page sends to let a waiting service worker take over. */
export const SKIP_WAITING = 'SKIP_WAITING';

/** True for addresses the app itself shows (offline they open the cached app); false for the API and the PA page. */
export function isAppNavigation(pathname: string): boolean {
  return !/^\/(api|pa)(\/|$)/.test(pathname);
}
