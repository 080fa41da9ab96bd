// Build step (used by vite.config.ts, runs in Node): puts the prerendered app shell into index.html (Today) and
// help.html (Help now), for every shipped language, with the one inline script that picks the phone's language before
// the first paint (chooseShell.ts), and writes that script's CSP hash for the server (one home: FIRST_PAINT_CSP_FILE).
//   <noscript>   the shell in one language, for a browser with JavaScript off (English; the server sends
//                dist/shell/<code>/… instead when the language cookie names another language)
//   <div id=root data-first-paint=today|help>   empty: the inline script fills it, or the app does
//   <script type="text/html" data-first-paint=<code>>   the shell in each language, kept as text: the phone parses
//                                                        only the one it shows (14 <template>s were all parsed, about
//                                                        100 KB of markup, before the first paint)
//   <script type="text/html" data-first-start>          the first-start language list (index.html)
import { createHash } from 'node:crypto';
import path from 'node:path';

import { build, createServer, type Plugin, type Rolldown } from 'vite';

type OutputAsset = Rolldown.OutputAsset;
type OutputBundle = Rolldown.OutputBundle;
type OutputChunk = Rolldown.OutputChunk;

import { FIRST_PAINT_CSP_FILE, type FirstPaintCsp, prerenderedPagePath } from '../../shared/firstPaint.ts';
import { englishWords } from '../i18n/englishWordsPlugin.ts';
import { phoneWords } from '../i18n/phoneWords.ts';
import type { PrerenderedLanguage } from './prerender.tsx';


async function prerender(root: string, localesDir: string): Promise<{ shells: PrerenderedLanguage[]; firstStart: string }> {
  const server = await createServer({
    configFile: false, root, logLevel: 'warn', appType: 'custom', plugins: [englishWords(localesDir)],
    server: { middlewareMode: true, hmr: false, ws: false }, optimizeDeps: { noDiscovery: true, include: [] },
  });
  try {
    const { prerenderShells, prerenderFirstStart } = (await server.ssrLoadModule('/src/app/shell/prerender.tsx')) as typeof import('./prerender.tsx');
    const words = (code: string) => phoneWords(localesDir, code);
    return { shells: await prerenderShells(words), firstStart: await prerenderFirstStart(words) };
  } finally {
    await server.close();
  }
}

/** chooseShell.ts as one small self-contained script, with each language's greetings written in. */
async function inlineScript(root: string, shells: PrerenderedLanguage[]): Promise<string> {
  const output = await build({
    configFile: false, root, logLevel: 'warn', publicDir: false,
    build: {
      write: false, minify: true, target: 'es2022',
      lib: { entry: path.join(root, 'src/app/shell/chooseShell.ts'), formats: ['iife'], name: 'chooseShell' },
    },
  });
  const chunk = (Array.isArray(output) ? output[0] : output as { output: OutputChunk[] }).output[0];
  const greetings = Object.fromEntries(shells.map((s) => [s.code, s.greetings]));
  const firstStart = Object.fromEntries(shells.map((s) => [s.code, s.firstStartWords]));
  // The script reads these as free names; this block gives them. `<` is escaped so no text can end the script.
  const json = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');
  return `{const GREETINGS=${json(greetings)},FIRST_START=${json(firstStart)};${chunk.code.trim()}}`;
}

/** The Today heading without a clock (no script to read one): the word "Today". */
const withoutClock = (shell: PrerenderedLanguage) => shell.today.replace(/(<div class="today"><h1>)[^<]*(<\/h1>)/, `$1${shell.today_word}$2`);

/** Help now without what needs the moment and the phone (what is open now nearby, reading aloud): the app adds those. */
const withoutMoment = (html: string) => html
  .replace(/<section aria-labelledby="help-open-title">.*?<\/section>/s, '')
  .replace(/<p class="read-aloud[^"]*">.*?<\/p>/s, '');

/**
 * The styles Help now's own chunk brings (they load with the screen in the app): help.html links them, so the
 * prerendered Help now looks as it will once the app has started.
 */
function helpNowStyles(bundle: OutputBundle, html: string): string {
  const chunks = Object.values(bundle).filter((c): c is OutputChunk => c.type === 'chunk');
  const start = chunks.find((c) => c.facadeModuleId?.endsWith('/features/help/HelpNowScreen.tsx'));
  if (!start) throw new Error('firstPaint: no chunk for features/help/HelpNowScreen.tsx');
  const css = new Set<string>();
  const visit = (chunk: OutputChunk, seen = new Set<string>()) => {
    if (seen.has(chunk.fileName)) return;
    seen.add(chunk.fileName);
    for (const file of (chunk as OutputChunk & { viteMetadata?: { importedCss: Set<string> } }).viteMetadata?.importedCss ?? []) css.add(file);
    for (const name of chunk.imports) {
      const next = bundle[name];
      if (next?.type === 'chunk') visit(next, seen);
    }
  };
  visit(start);
  return [...css].filter((file) => !html.includes(`/${file}"`)).map((file) => `<link rel="stylesheet" href="/${file}">`).join('');
}

/**
 * Markup the browser keeps as text until chooseShell.ts parses it. A script of another type never runs (so the CSP has
 * nothing to allow) and its contents are never parsed as HTML; only a script tag inside could end it early.
 */
function keptAsText(attributes: string, markup: string): string {
  if (/<\/?script/i.test(markup)) throw new Error('firstPaint: a prerendered screen has a <script> in it and cannot be kept as text');
  return `<script type="text/html" ${attributes}>${markup}</script>`;
}

/** What the entry imports dynamically as it starts: `atOnce` is preloaded with it, `later` too unless on a first start. */
type StartFiles = { atOnce: string[]; later: string[] };

function page(html: string, screen: 'today' | 'help', shells: PrerenderedLanguage[], noScript: PrerenderedLanguage, script: string, firstStart: string, { atOnce, later }: StartFiles): string {
  const markup = (s: PrerenderedLanguage) => (screen === 'today' ? s.today : withoutMoment(s.helpNow));
  const languages = shells.map((s) => keptAsText(`data-first-paint="${s.code}" data-lang="${s.lang}" data-dir="${s.dir}"`, markup(s))).join('');
  // The first-start language list comes before any screen, at any address (index.html only: Help now is its own page).
  const templates = screen === 'today' ? `${languages}${keptAsText('data-first-start', firstStart)}` : languages;
  const noScriptShell = screen === 'today' ? withoutClock(noScript) : withoutMoment(noScript.helpNow);
  // The app's script (and what Vite preloads with it) is fetched and run once the first screen is painted: the inline
  // script starts it (chooseShell.ts). On a slow connection its 150 KB would otherwise share the line with the page's
  // own CSS, and hold the first paint back.
  const fromHtml = [...html.matchAll(/<script type="module" crossorigin src="([^"]+)"><\/script>|<link rel="modulepreload" crossorigin href="([^"]+)">/g)]
    .map((m) => m[1] ?? m[2]);
  const app = [...new Set([...fromHtml, ...atOnce])];
  const withoutScripts = html.replace(/\s*<script type="module" crossorigin src="[^"]+"><\/script>|\s*<link rel="modulepreload" crossorigin href="[^"]+">/g, '');
  if (fromHtml.length === 0 || !html.includes('<script type="module"')) throw new Error('firstPaint: index.html has no <script type="module" crossorigin src> to start after the first paint');
  const rest = later.filter((file) => !app.includes(file));
  const body = `<noscript>${noScriptShell}</noscript><div id="root" data-first-paint="${screen}" data-app="${app.join(' ')}" data-app-rest="${rest.join(' ')}"></div>${templates}<script>${script}</script>`;
  const replaced = withoutScripts
    .replace(/<html lang="[^"]*" dir="[^"]*">/, `<html lang="${noScript.lang}" dir="${noScript.dir}">`)
    .replace('<div id="root"></div>', body);
  if (!replaced.includes('data-first-paint=')) throw new Error('firstPaint: index.html has no <div id="root"></div> to fill');
  return replaced;
}

/** Whether a chunk is the rest of the app (src/app/wholeApp.tsx and what it imports; vite.config.ts groups them). */
export const holdsWholeApp = (chunk: { moduleIds: readonly string[] }) => chunk.moduleIds.some((id) => id.endsWith('/src/app/wholeApp.tsx'));

/** Whether a chunk is React DOM, which the entry imports dynamically to evaluate it in a task of its own (main.tsx). */
const holdsReactDom = (chunk: { moduleIds: readonly string[] }) => chunk.moduleIds.some((id) => id.includes('/node_modules/react-dom/'));

/**
 * A chunk the entry imports dynamically at start (src/app/wholeApp.tsx, or React DOM) with what it imports, as
 * addresses: the inline script fetches them beside the entry rather than one round trip after it.
 */
function filesOf(bundle: OutputBundle, holds: (chunk: OutputChunk) => boolean, what: string): string[] {
  const chunks = Object.values(bundle).filter((c): c is OutputChunk => c.type === 'chunk');
  const chunk = chunks.find(holds);
  if (!chunk) throw new Error(`firstPaint: no chunk for ${what} (the entry must import it dynamically)`);
  const files = new Set<string>();
  const add = (fileName: string) => {
    if (files.has(fileName)) return;
    files.add(fileName);
    for (const imported of chunks.find((c) => c.fileName === fileName)?.imports ?? []) add(imported);
  };
  add(chunk.fileName);
  return [...files].map((file) => `/${file}`);
}

export function firstPaint(localesDir: string): Plugin {
  let root = process.cwd();
  return {
    name: 'first-paint',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      root = config.root;
    },
    async generateBundle(_options, bundle) {
      const index = bundle['index.html'] as OutputAsset | undefined;
      if (!index) return;
      const { shells, firstStart } = await prerender(root, localesDir);
      const script = await inlineScript(root, shells);
      const html = String(index.source);
      const helpHtml = html.replace('</head>', `${helpNowStyles(bundle, html)}</head>`);
      const english = shells.find((s) => s.code === 'en')!;
      const files = { atOnce: filesOf(bundle, holdsReactDom, 'React DOM'), later: filesOf(bundle, holdsWholeApp, 'src/app/wholeApp.tsx') };
      index.source = page(html, 'today', shells, english, script, firstStart, files);
      this.emitFile({ type: 'asset', fileName: 'help.html', source: page(helpHtml, 'help', shells, english, script, firstStart, files) });
      for (const shell of shells) {
        if (shell.code === 'en') continue;
        this.emitFile({ type: 'asset', fileName: prerenderedPagePath(shell.code, 'index.html'), source: page(html, 'today', shells, shell, script, firstStart, files) });
        this.emitFile({ type: 'asset', fileName: prerenderedPagePath(shell.code, 'help.html'), source: page(helpHtml, 'help', shells, shell, script, firstStart, files) });
      }
      const csp: FirstPaintCsp = { scriptSrc: [`'sha256-${createHash('sha256').update(script).digest('base64')}'`] };
      this.emitFile({ type: 'asset', fileName: FIRST_PAINT_CSP_FILE, source: JSON.stringify(csp) });
    },
  };
}
