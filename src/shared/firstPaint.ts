// What the build (src/app/shell/firstPaintPlugin.ts), the server and the app agree on about the prerendered first paint.

/** Written by the build into dist/: the CSP source for the page's one inline script (its SHA-256), read by the server. */
export const FIRST_PAINT_CSP_FILE = 'first-paint-csp.json';
export type FirstPaintCsp = { scriptSrc: string[] };

/**
 * The language chosen on this phone, copied into a cookie so that a browser with JavaScript off (which cannot read
 * localStorage) is sent the prerendered pages in that language. Only a language code; the server keeps nothing.
 */
export const LANGUAGE_COOKIE = 'language';

/** Where the build puts each language's copy of a prerendered page for the server to send (dist/shell/ar/help.html). */
export const prerenderedPagePath = (code: string, page: 'index.html' | 'help.html') => `shell/${code}/${page}`;
