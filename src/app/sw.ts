/// <reference lib="webworker" />
// The service worker: keeps the whole app (shell, every screen, Help now in every language) on the phone so it opens with no signal.
// It never caches /api responses: they hold personal data and are fetched fresh by the page's sync client.
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';

import { LANGUAGES } from '../shared/languages.ts';
import { isAppNavigation, isLanguageChunk, LANGUAGE_CACHE, SKIP_WAITING } from './pwa/swRules.ts';

declare const self: ServiceWorkerGlobalScope;

// vite-plugin-pwa fills this with every built file (index.html, JS chunks incl. lazy screens and locales, CSS, icons).
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Offline, any app address (/history, /help …) opens the precached app; /api and the PA page always go to the network.
const openCachedApp = createHandlerBoundToURL('/index.html');
// Help now has its own prerendered page (src/app/shell/), so it paints before the app's JavaScript has loaded.
registerRoute(({ request, url }) => request.mode === 'navigate' && url.pathname === '/help', createHandlerBoundToURL('/help.html'));
registerRoute(({ request, url }) => request.mode === 'navigate' && isAppNavigation(url.pathname), openCachedApp);

// Each language's words are not precached (14 of them would cost every phone ~170 KB): the page puts the one the
// person chose into LANGUAGE_CACHE, and from then on it comes from there, signal or not. Help now's words for every
// language are in their own small precached chunk.
const codes = LANGUAGES.map((l) => l.code);
registerRoute(
  ({ url }) => url.origin === self.location.origin && isLanguageChunk(url.pathname, codes),
  async ({ request }) => {
    const cache = await caches.open(LANGUAGE_CACHE);
    const kept = await cache.match(request);
    if (kept) return kept;
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  },
);

// A new version waits until the person presses "Update", so a half-written form is never swapped out under them.
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === SKIP_WAITING) void self.skipWaiting();
});
clientsClaim();

// ---- Push and notification handlers (owned by the appointments engineer) ----
// Add `push` and `notificationclick` listeners in ./pwa/push-handlers.ts; they are bundled into this worker.
import './pwa/push-handlers.ts';
