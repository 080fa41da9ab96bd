// Measures what a phone downloads: the first route's JavaScript (gzip), each language chunk, and the whole precache.
// Works on any Vite build folder (ours or the bare-framework floor's), with no Vite manifest needed.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import { splitEnglish } from '../../src/app/i18n/firstScreenWords.ts';
import { phoneWords } from '../../src/app/i18n/phoneWords.ts';

export const KIB = 1024;

function gzipBytes(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

/**
 * Same-origin paths the HTML loads as JavaScript at once: module scripts and modulepreloads. `withRest: false` leaves
 * out the rest of the app (data-app-rest), which a first start only fetches and runs once a language is chosen.
 */
function scriptsInHtml(html: string, withRest = true): string[] {
  const found: string[] = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isModuleScript = /^<script\b/.test(tag) && /\bsrc="([^"]+)"/.test(tag);
    const isPreload = /^<link\b/.test(tag) && /\brel="modulepreload"/.test(tag);
    const ref = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if ((isModuleScript || isPreload) && ref && ref.startsWith('/')) found.push(ref.slice(1));
  }
  // The prerendered pages start the app from #root's data-app after the first paint, and the rest of its first
  // screen from data-app-rest (src/app/shell/chooseShell.ts).
  for (const attribute of withRest ? ['data-app', 'data-app-rest'] : ['data-app']) {
    for (const file of html.match(new RegExp(`\\b${attribute}="([^"]+)"`))?.[1].split(' ') ?? []) if (file.startsWith('/')) found.push(file.slice(1));
  }
  return found;
}

/** Static imports of a built chunk (`import … from "./x.js"`, `import "./x.js"`, `export … from "./x.js"`), not dynamic `import()`. */
function staticImportsOf(code: string): string[] {
  const found = new Set<string>();
  const pattern = /(?:^|[;\n}])\s*(?:import\s*(?:[\w$*{}\s,]+?\s*from\s*)?|export\s*(?:\*(?:\s*as\s*[\w$]+)?|\{[^}]*\})\s*from\s*)["'](\.{1,2}\/[^"']+\.js)["']/g;
  for (const match of code.matchAll(pattern)) found.add(match[1]);
  return [...found];
}

/** The files plus everything they statically import, recursively (what the browser must fetch before running them). */
export function withStaticImports(distDir: string, files: string[], referrer = 'index.html'): string[] {
  const queue = [...files];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = path.normalize(queue.shift()!);
    if (seen.has(file)) continue;
    const full = path.join(distDir, file);
    if (!existsSync(full)) throw new Error(`${referrer} refers to ${file}, which is not in ${distDir}. Rebuild with "npx vite build".`);
    seen.add(file);
    for (const imported of staticImportsOf(readFileSync(full, 'utf8'))) queue.push(path.join(path.dirname(file), imported));
  }
  return [...seen].sort();
}

/** Every JS file the first screen needs before it can run: entry scripts, modulepreloads and their static imports. */
export function firstRouteScripts(distDir: string, htmlFile = 'index.html'): string[] {
  return withStaticImports(distDir, scriptsInHtml(readFileSync(path.join(distDir, htmlFile), 'utf8')), htmlFile);
}

/** What a first start runs before a language is chosen: the entry and its static imports, not the rest of the app. */
export function firstStartScripts(distDir: string): string[] {
  return withStaticImports(distDir, scriptsInHtml(readFileSync(path.join(distDir, 'index.html'), 'utf8'), false));
}

export type FileSize = { file: string; bytes: number; gzip: number };

export function measure(distDir: string, files: string[]): FileSize[] {
  return files.map((file) => ({ file, bytes: statSync(path.join(distDir, file)).size, gzip: gzipBytes(path.join(distDir, file)) }));
}

export const total = (sizes: FileSize[], key: 'bytes' | 'gzip') => sizes.reduce((sum, s) => sum + s[key], 0);

/**
 * What switching to each language other than English downloads: its chunk (built from locales/<code>.json as
 * assets/<code>-<hash>.js) with whatever that chunk statically imports. When the bundler splits a locale into a
 * small re-export plus the data, the largest such set is the honest figure.
 */
export function localeChunks(distDir: string, localesDir: string): { code: string; files: string[] }[] {
  const assets = readdirSync(path.join(distDir, 'assets'));
  return readdirSync(localesDir)
    .filter((name) => name.endsWith('.json') && name !== 'en.json')
    .map((name) => {
      const code = name.replace(/\.json$/, '');
      const pattern = new RegExp(`^${code.replace(/-/g, '\\-')}-[\\w-]{6,}\\.js$`);
      const chunks = assets.filter((asset) => pattern.test(asset)).map((asset) => `assets/${asset}`);
      if (chunks.length === 0) throw new Error(`No chunk for locales/${name} in ${distDir}/assets; languages must load lazily as their own chunk.`);
      const sets = chunks.map((chunk) => withStaticImports(distDir, [chunk], chunk));
      const gzipOf = (files: string[]) => files.reduce((sum, file) => sum + gzipBytes(path.join(distDir, file)), 0);
      return { code, files: sets.reduce((largest, set) => (gzipOf(set) > gzipOf(largest) ? set : largest)) };
    });
}

/** The English words the first route bundles (the first screen's: i18n/firstScreenWords.ts), minified and gzipped. */
export function englishGzip(localesDir: string): number {
  return gzipSync(JSON.stringify(splitEnglish(phoneWords(localesDir, 'en')).firstScreen), { level: 9 }).length;
}

/** Files the service worker saves on the phone, read from the precache list vite-plugin-pwa wrote into sw.js. */
export function precacheFiles(distDir: string): string[] {
  const sw = readFileSync(path.join(distDir, 'sw.js'), 'utf8');
  const urls = [...sw.matchAll(/["']?url["']?\s*:\s*["'`]([^"'`]+)["'`]/g)].map((m) => m[1]);
  if (urls.length === 0) throw new Error(`No precache list found in ${distDir}/sw.js; is the service worker built with injectManifest?`);
  return [...new Set(urls)].sort();
}
