// Start-up: language first (so nothing flashes in the wrong language), then the app at once; the database opens
// alongside (screens wait for their own data; on a first start, once a language is chosen) and sync starts once the
// first screen has loaded. A first start evaluates only React, the words and the language list until the person
// touches the screen: the rest of the app is its own chunk (wholeApp.tsx).
import { startTransition } from 'react';
import type { Root } from 'react-dom/client';

import { isLocked } from './data/lock/lockState.ts';
import type { StorageMode } from './data/storage.ts';
import { chosenLanguage, i18n, phoneLanguage, startI18n } from './i18n/index.ts';
import { replayEarlyButtonTap, stopNotingEarlyTaps } from './shell/earlyTaps.ts';

// The painted first screen's own styles (quick exit, the update notice, Today's faces) belong in the page's
// stylesheet, which is there at the first paint, not with the rest of the app's code, which comes after it. In the
// order the components bring them, before the app's own.
import './features/help/quick-exit.css';
import './pwa/UpdateNotice.css';
import './features/checkins/checkins.css';
import './styles/app.css';

// Sync writes to the database and re-renders; a moment after load it no longer delays the first screen's own data.
const SYNC_AFTER_LOAD_MS = 1_000;

/** Resolves a moment after the page has loaded, so background work never competes with the first screen. */
async function pageSettled(): Promise<void> {
  if (document.readyState !== 'complete') await new Promise((resolve) => window.addEventListener('load', resolve, { once: true }));
  await new Promise((resolve) => setTimeout(resolve, SYNC_AFTER_LOAD_MS));
}

/**
 * React DOM, most of the first route's code, is evaluated in a task of its own after the entry's: on a slow phone that
 * is two shorter pauses rather than one long one while the painted screen is there to be tapped. The inline script
 * preloads its file beside the entry (firstPaintPlugin.ts), so it is not a round trip later.
 */
const reactDom = import('react-dom/client');

/** The app's screens, router and database (one download and one evaluation, however often it is asked for). */
const loadWholeApp = () => import('./wholeApp.tsx');

async function start() {
  // A first start shows only the language list, and nothing is kept yet: the rest of the app, and creating the
  // database, wait until a language is chosen, so neither holds up a slow phone while the painted list is there.
  const firstStart = chosenLanguage() === null;
  const whole = firstStart ? null : loadWhenOnline(loadWholeApp);
  const opened = whole?.then((app) => app.openStorage());
  await startI18n();
  const { createRoot, hydrateRoot } = await reactDom;
  const container = document.getElementById('root')!;
  let root: Root;
  let storage: StorageMode;
  let App: Awaited<ReturnType<typeof loadWholeApp>>['App'];
  if (firstStart) {
    root = await languageFirst(container, await reactDom);
    const app = await loadWhenOnline(loadWholeApp);
    App = app.App;
    storage = await app.openStorage();
    startTransition(() => root.render(<App />));
  } else {
    App = (await whole!).App;
    storage = await opened!;
    if (container.dataset.painted === 'today' && i18n.language === chosenLanguage() && !isLocked()) {
      // A face tapped on the painted Today before React listened is kept for Today's form.
      stopNotingEarlyTaps(true);
      // The inline script painted the prerendered Today (shell/chooseShell.ts): React takes that markup over rather
      // than drawing it again.
      startTransition(() => {
        root = hydrateRoot(container, <App />);
      });
    } else {
      // Anything the inline script painted that the app's first screen does not match (Help now: its opening times
      // and what is open nearby depend on the moment) is replaced in React's first commit; same header, same place.
      if (container.childElementCount > 0) {
        root = createRoot(besidePainted(container));
      } else {
        stopNotingEarlyTaps(false);
        root = createRoot(container);
      }
      // As a transition, React builds the first screen in small slices, giving the phone back between them, rather
      // than in one long task that would leave a tap on Help now waiting on a slow phone.
      startTransition(() => root.render(<App />));
    }
  }
  // Rare (some private modes): say plainly that nothing can be kept, as soon as we know.
  if (storage === 'unavailable') root!.render(<App storage="unavailable" />);
  // Sync is not needed for the first paint, so it loads just after.
  await pageSettled();
  (await loadWhenOnline(() => import('./sync/schedule.ts'))).startSync();
}

/**
 * First start: the language list before anything else (its own small chunk, so later starts never load it). The
 * inline script painted it already when it could, and React takes that over as it takes over Today. Resolves with
 * the root once a language is chosen.
 */
async function languageFirst(container: HTMLElement, { createRoot, hydrateRoot }: typeof import('react-dom/client')): Promise<Root> {
  // The rest of the app loads from the person's first touch or key (often the tap on their language), not before:
  // until then the list answers sooner on a slow phone. The inline script has its files fetched meanwhile.
  for (const type of ['pointerdown', 'keydown']) {
    window.addEventListener(type, () => void loadWholeApp().catch(() => undefined), { once: true, capture: true, passive: true });
  }
  const { FirstStartLanguage } = await import('./i18n/FirstStartLanguage.tsx');
  let root!: Root;
  await new Promise<void>((chosen) => {
    const list = <FirstStartLanguage preselected={phoneLanguage()} onChosen={chosen} />;
    // A language tapped on the painted list waits for the list; nothing else painted is taken over.
    const painted = container.dataset.painted === 'first-start' && i18n.language === phoneLanguage();
    stopNotingEarlyTaps(painted);
    if (painted) root = hydrateRoot(container, list);
    else (root = createRoot(container)).render(list);
  });
  return root;
}

/** However long the first screen's code takes, the painted one gives way by then (it would stop being updated). */
const PAINTED_GIVES_WAY_MS = 10_000;

/**
 * What the inline script painted and React does not take over (Help now, whose opening times depend on the moment,
 * or a screen painted in another language) stays on the glass while React draws its own first screen in a container
 * not yet in the page, and is swapped for it once that screen has its heading: a new screen's first commit can be
 * the "Loading" line while its code arrives, and the crisis numbers must never blink out in between (they did, for
 * about 25 ms). Until the swap, the painted page's own quick exit keeps working.
 */
function besidePainted(painted: HTMLElement): HTMLElement {
  const fresh = document.createElement('div');
  let timer: ReturnType<typeof setTimeout> | undefined;
  const swap = () => {
    observer.disconnect();
    clearTimeout(timer);
    stopNotingEarlyTaps(true);
    fresh.id = painted.id;
    painted.replaceWith(fresh);
    replayEarlyButtonTap(fresh);
  };
  const observer = new MutationObserver(() => {
    if (fresh.querySelector('h1')) swap();
  });
  observer.observe(fresh, { childList: true, subtree: true });
  timer = setTimeout(swap, PAINTED_GIVES_WAY_MS);
  return fresh;
}

/**
 * Loads a module, and if that fails (no signal before the service worker has kept the app), tries again each time
 * the phone comes online: otherwise sync would never start in this visit, and nothing in the outbox would be sent.
 */
async function loadWhenOnline<T>(load: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await load();
    } catch {
      await new Promise((resolve) => window.addEventListener('online', resolve, { once: true }));
    }
  }
}

void start();
