/// <reference lib="webworker" />
// Push and notificationclick handlers for reminders; sw.ts imports this file.
// Keep it free of personal data: the server sends a content-free text unless the person opted into details.
import { discreetTitleForWorker } from '../features/settings/discreet.ts';

declare const self: ServiceWorkerGlobalScope;

/** What the reminder server sends (see src/server/reminders/payload.ts). */
type ReminderPush = { title?: string; body?: string; url?: string; tag?: string };

// Used only if a push arrives without readable text; the server always sends the person's own language.
const FALLBACK_TITLE = 'You have something coming up';

function readPush(event: PushEvent): ReminderPush {
  try {
    return (event.data?.json() as ReminderPush | null) ?? {};
  } catch {
    return {};
  }
}

/** Only our own app's pages may be opened from a notification. */
function safeUrl(url: string | undefined): string {
  return url && url.startsWith('/') && !url.startsWith('//') ? url : '/appointments';
}

self.addEventListener('push', (event) => {
  const push = readPush(event);
  event.waitUntil(
    discreetTitleForWorker().then((plainName) =>
      // Discreet mode: only the plain word, no details and no app icon, whatever the server sent.
      plainName
        ? self.registration.showNotification(plainName, { body: '', tag: push.tag, data: { url: safeUrl(push.url) } })
        : self.registration.showNotification(push.title || FALLBACK_TITLE, {
          body: push.body ?? '',
          tag: push.tag,
          icon: '/icons/icon-192.png',
          badge: '/icons/icon-192.png',
          data: { url: safeUrl(push.url) },
        }),
    ),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = safeUrl((event.notification.data as { url?: string } | null)?.url);
  event.waitUntil((async () => {
    const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
    for (const client of windows) {
      if ('focus' in client) {
        await client.focus();
        await client.navigate(url).catch(() => undefined);
        return;
      }
    }
    await self.clients.openWindow(url);
  })());
});
