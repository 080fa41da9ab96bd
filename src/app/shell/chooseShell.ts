// The page's one inline script (built into index.html and help.html by firstPaintPlugin.ts, allowed by its CSP hash):
// before the first paint, it puts the prerendered screen in the language this phone chose into #root, with its
// direction, so the Help now bar and Today show before any of the app's JavaScript has loaded. It puts nothing in when
// the app's own first screen would differ: first start (then the language list, prerendered too, comes first), a PIN (the lock screen comes
// first; Help now stays open), a half-filled form, the quick-exit note not read yet, or another address than the
// prerendered one. Without JavaScript the <noscript> copy shows instead.
import { directionOf, htmlLang, matchPhoneLanguage } from '../../shared/languages.ts';
import { knownWithoutPin } from '../data/lock/pinLockMark.ts';
import { greetingKey, mayHaveCheckedInToday } from '../features/checkins/checkedInToday.ts';
import { EXIT_EXPLAINED_KEY } from '../features/help/quickExitKey.ts';
import { createShiftCounter, exitNow, uncoverOnReturn } from '../features/help/quickExitNow.ts';
import { LANGUAGE_KEY } from '../i18n/languageKey.ts';
import { DRAFT_PREFIX } from '../ui/draftKey.ts';
import { buttonTapKey, EARLY_TAPS, type EarlyTaps } from './earlyTaps.ts';

/** Filled in by the build: each language's four greetings, keyed like today.greeting.* (the heading needs the clock). */
declare const GREETINGS: Record<string, Record<string, string>>;
/** Filled in by the build: each language's words for the first-start screen (its heading, its privacy link). */
declare const FIRST_START: Record<string, [string, string]>;

function read(area: 'localStorage' | 'sessionStorage', key: string): string | null {
  try {
    return window[area].getItem(key);
  } catch {
    return null;
  }
}

function anyDraft(): boolean {
  try {
    for (let i = 0; i < sessionStorage.length; i++) if (sessionStorage.key(i)?.startsWith(DRAFT_PREFIX)) return true;
    return false;
  } catch {
    return true;
  }
}

function firstPaintAllowed(screen: string | undefined): boolean {
  if (screen === 'help') return location.pathname === '/help';
  return screen === 'today' && location.pathname === '/' && knownWithoutPin() && read('localStorage', EXIT_EXPLAINED_KEY) === 'yes' && !anyDraft();
}

/**
 * Until the app listens: notes taps on a face or a language for the screen to take later, and makes quick exit work
 * as it will in the app (Exit, or Shift three times: the page is covered and replaced in history, never stacked).
 */
function listenBeforeTheAppStarts(root: HTMLElement): void {
  const onShift = createShiftCounter(exitNow);
  const noted: EarlyTaps = {
    taps: [],
    stop: () => {
      root.removeEventListener('click', note);
      window.removeEventListener('keydown', onShift);
    },
  };
  function note(event: Event) {
    const target = event.target as Element;
    if (target.closest('[data-quick-exit]')) {
      event.preventDefault();
      return exitNow();
    }
    const face = target.closest('.mood-face');
    const mood = face && /mood-(\d)/.exec(face.className)?.[1];
    const language = target.closest('.language-option')?.querySelector('.language-option__native')?.getAttribute('lang');
    const button = !mood && !language ? target.closest('button') : null;
    if (mood) noted.taps.push({ kind: 'mood', value: mood });
    else if (language) noted.taps.push({ kind: 'language', value: language });
    else if (button) noted.taps.push({ kind: 'button', value: buttonTapKey(root, button) });
  }
  root.addEventListener('click', note);
  window.addEventListener('keydown', onShift);
  window.addEventListener('pageshow', uncoverOnReturn);
  (window as unknown as Record<string, EarlyTaps>)[EARLY_TAPS] = noted;
}

/**
 * A screen the build kept in the page as text (`<script type="text/html">`, firstPaintPlugin.ts), parsed now: only
 * the one shown is ever parsed, where a <template> per language made the phone build all of them before the first
 * paint.
 */
function keptScreen(selector: string): { content: DocumentFragment; data: DOMStringMap } | null {
  const kept = document.querySelector<HTMLScriptElement>(`script[type="text/html"]${selector}`);
  if (!kept) return null;
  const parsed = document.createElement('template');
  parsed.innerHTML = kept.textContent ?? '';
  return { content: parsed.content, data: kept.dataset };
}

/** First start: the language list as FirstStartLanguage draws it for this phone (its language first and pressed). */
function showFirstStart(root: HTMLElement): void {
  const phone = matchPhoneLanguage(navigator.languages ?? [navigator.language]) ?? 'en';
  const kept = FIRST_START[phone] ? keptScreen('[data-first-start]') : null;
  if (!kept) return;
  const html = document.documentElement;
  html.lang = htmlLang(phone);
  html.dir = directionOf(phone);
  root.append(kept.content);
  const list = root.querySelector('.language-list');
  const option = list?.querySelector(`.language-option__native[lang="${phone}"]`)?.closest('li');
  const heading = root.querySelector('h1');
  const privacy = root.querySelector('main > p > a');
  if (!list || !option || !heading || !privacy) {
    root.replaceChildren();
    return;
  }
  list.prepend(option);
  for (const button of list.querySelectorAll('button')) button.setAttribute('aria-pressed', String(option.contains(button)));
  heading.textContent = FIRST_START[phone][0];
  privacy.textContent = FIRST_START[phone][1];
  root.dataset.painted = 'first-start';
  listenBeforeTheAppStarts(root);
}

function showFirstPaint(): void {
  const root = document.getElementById('root');
  const stored = read('localStorage', LANGUAGE_KEY);
  const language = stored && /^[a-z]{2,3}(-[A-Za-z]{2,4})?$/.test(stored) ? stored : null;
  const screen = root?.dataset.firstPaint;
  if (root && !stored && screen === 'today') return showFirstStart(root);
  if (!root || !language || !firstPaintAllowed(screen)) return;
  const kept = keptScreen(`[data-first-paint="${language}"]`);
  if (!kept) return;
  const html = document.documentElement;
  html.lang = kept.data.lang!;
  html.dir = kept.data.dir!;
  root.append(kept.content);
  if (screen === 'today') {
    const heading = root.querySelector('.today h1');
    if (heading) heading.textContent = GREETINGS[language][greetingKey().replace('today.greeting.', '')];
    // As the app's first frame does: no faces for someone who already checked in today (their check-in shows instead).
    if (mayHaveCheckedInToday()) root.querySelector('.checkin-form')?.remove();
  }
  root.dataset.painted = screen;
  listenBeforeTheAppStarts(root);
}

/**
 * Starts the app once the painted screen is on the glass: its script (the first of #root's data-app, then what it
 * imports, preloaded) is fetched and run only then, so on a slow line it never holds the first paint back. The rest
 * of the app (data-app-rest: src/app/wholeApp.tsx, which the entry imports) is preloaded beside it when it is needed
 * at once; on a first start, which needs it only once a language is chosen, it is only fetched, at low priority, so
 * it is there by then without being compiled while the list should answer.
 */
function startAppAfterPaint(): void {
  const root = document.getElementById('root');
  const [entry, ...imports] = root?.dataset.app?.split(' ') ?? [];
  if (!entry) return;
  const rest = root?.dataset.appRest?.split(' ').filter(Boolean) ?? [];
  const firstStart = read('localStorage', LANGUAGE_KEY) === null;
  const requests = () => [
    ...imports.map((href) => Object.assign(document.createElement('link'), { rel: 'modulepreload', crossOrigin: '', href })),
    Object.assign(document.createElement('script'), { type: 'module', crossOrigin: '', src: entry }),
    ...rest.map((href) => Object.assign(document.createElement('link'), { rel: firstStart ? 'prefetch' : 'modulepreload', crossOrigin: '', href })),
  ];
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    // Starting a request costs the main thread a few milliseconds on a slow phone (12 to 36 ms at 4× slowdown here),
    // so the five of them in one task were a pause of 43–111 ms just after the first paint: one per task keeps each
    // pause short, and a tap on the painted screen is answered in between. A page in the background asks at once.
    const queue = requests();
    const next = () => {
      const request = queue.shift();
      if (!request) return;
      document.head.append(request);
      if (document.visibilityState === 'hidden') next();
      else setTimeout(next, 0);
    };
    next();
  };
  // A page opened in the background paints nothing until it is shown, so it starts at once.
  if (document.visibilityState === 'hidden') return start();
  requestAnimationFrame(() => setTimeout(start, 0));
  document.addEventListener('visibilitychange', start, { once: true });
}

try {
  showFirstPaint();
} finally {
  // Whatever happened above, the app starts: it draws its first screen itself when nothing was painted.
  startAppAfterPaint();
}
