// The PA page's own service worker (scope /pa/): it only shows the call alert a push brings and opens the PA page
// when it is clicked. It has no fetch handler and caches nothing, so no young person's data ever sits in a cache.
// Plain JavaScript in public/ so it is served as /pa/sw.js unbuilt; the phone app's worker never precaches pa/**.
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('push', (event) => {
  let alert;
  try {
    alert = event.data ? event.data.json() : {};
  } catch {
    alert = {};
  }
  // The server's words (pa/call-alerts.ts) carry nothing about who asked; a push without them still says something.
  const title = typeof alert.title === 'string' && alert.title ? alert.title : 'Personal Adviser';
  event.waitUntil(self.registration.showNotification(title, {
    body: typeof alert.body === 'string' ? alert.body : '',
    tag: typeof alert.tag === 'string' ? alert.tag : 'pa-call-me',
    renotify: true,
    data: { url: '/pa/' },
  }));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  event.waitUntil((async () => {
    const pages = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
    const open = pages.find((page) => new URL(page.url).pathname.startsWith('/pa'));
    if (open) {
      await open.focus();
      return;
    }
    await self.clients.openWindow('/pa/');
  })());
});
