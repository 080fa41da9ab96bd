// Discreet mode: for someone whose phone others pick up. The tab says a plain word ("Notes") instead of the app's
// name, and reminders say only that word, whatever the appointment allowed. Kept on this phone only.
// What it cannot change: the name under an installed app's home-screen icon (the manifest is fixed at install).
const DISCREET_KEY = 'discreet';
/** Cache Storage is readable by both the page and the service worker, which has no localStorage. */
const WORKER_CACHE = 'app-settings';
const DISCREET_WORKER_URL = '/__app-settings/discreet';

export function isDiscreet(): boolean {
  try {
    return localStorage.getItem(DISCREET_KEY) === 'yes';
  } catch {
    return false;
  }
}

/** Tells the service worker the plain word for reminders (in the person's language), or that discreet mode is off. */
export async function tellWorker(plainName: string | null): Promise<void> {
  if (!('caches' in self)) return;
  try {
    const cache = await caches.open(WORKER_CACHE);
    if (plainName === null) await cache.delete(DISCREET_WORKER_URL);
    else await cache.put(DISCREET_WORKER_URL, new Response(JSON.stringify({ title: plainName }), { headers: { 'content-type': 'application/json' } }));
  } catch {
    // Storage blocked: reminders keep their usual wording, which is content-free unless details were asked for.
  }
}

export function setDiscreet(on: boolean): void {
  try {
    if (on) localStorage.setItem(DISCREET_KEY, 'yes');
    else localStorage.removeItem(DISCREET_KEY);
  } catch {
    // Not remembered when storage is blocked; the title still changes for this visit.
  }
}

/** Read by the service worker when a reminder arrives: the plain word to show instead, or null when off. */
export async function discreetTitleForWorker(): Promise<string | null> {
  try {
    const response = await (await caches.open(WORKER_CACHE)).match(DISCREET_WORKER_URL);
    if (!response) return null;
    const { title } = (await response.json()) as { title?: unknown };
    return typeof title === 'string' && title ? title : null;
  } catch {
    return null;
  }
}
