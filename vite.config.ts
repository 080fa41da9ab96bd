import { resolve } from 'node:path';

import react from '@vitejs/plugin-react';
import { build, defineConfig, type InlineConfig, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

import { englishWords } from './src/app/i18n/englishWordsPlugin.ts';
import { withoutHelpNowWords } from './src/app/i18n/helpNowKeys.ts';
import { helpNowWords } from './src/app/i18n/helpNowWordsPlugin.ts';
import { compressedCopies } from './src/app/pwa/compressedCopies.ts';
import { firstPaint, holdsWholeApp } from './src/app/shell/firstPaintPlugin.ts';
import { FIRST_PAINT_CSP_FILE } from './src/shared/firstPaint.ts';
import { LANGUAGES } from './src/shared/languages.ts';

const root = import.meta.dirname;

/**
 * The PA page is its own build, so the app's first route is a few whole files rather than many small chunks
 * shared between two entries (each extra file is a round trip on a slow phone). Every PA file is named
 * assets/pa-*, which the service worker never precaches and the server caches like any hashed asset.
 */
function paPageConfig(outDir: string): InlineConfig {
  return {
    configFile: false,
    root,
    logLevel: 'warn',
    publicDir: false,
    plugins: [react()],
    build: {
      target: 'es2022',
      outDir,
      emptyOutDir: false,
      rollupOptions: {
        input: { pa: resolve(root, 'pa/index.html') },
        output: {
          entryFileNames: 'assets/pa-[hash].js',
          chunkFileNames: 'assets/pa-[name]-[hash].js',
          assetFileNames: 'assets/pa-[hash][extname]',
        },
      },
    },
  };
}

/**
 * What each language's own chunk leaves out of a young person's phone (English is read in two parts by
 * englishWords(), which leaves out the PA page's words too):
 * - the PA page's words (`pa.*`, in en.json and ar.json only), never shown on the phone: 1.6 KiB less to download in
 *   Arabic. The PA page is its own build (above) and keeps them;
 * - Help now's words: they are already on every phone, precached for all languages in one chunk (helpNowKeys.ts),
 *   and i18n/index.ts reads both. About 0.9 KiB less per language.
 */
function phoneWordsOnly(): Plugin {
  return {
    name: 'phone-words-only',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]locales[\\/][\w-]+\.json$/.test(id)) return null;
      const { pa: _paPageOnly, ...words } = JSON.parse(code) as Record<string, unknown>;
      return { code: JSON.stringify(withoutHelpNowWords(words)), map: null };
    },
  };
}

/** Chromium's explicit compile hint (V8), which must open the file. */
const COMPILE_ALL_ON_LOAD = '//# allFunctionsCalledOnLoad';
/** The chunk with React and react-i18next, which the entry imports (codeSplitting below). */
const REACT_CHUNK = 'react';
/** The chunk with React DOM, which the entry imports dynamically to evaluate it in a task of its own (src/app/main.tsx). */
const REACT_DOM_CHUNK = 'react-dom';

/**
 * Nearly every function in the first screen's files (the entry, React, React DOM and the rest of the app it imports at once:
 * src/app/wholeApp.tsx) runs as the app starts. This hint has Chromium compile them all while the file streams in, off
 * the main thread, instead of one at a time on it as each is first called, inside the long task that evaluates the
 * file after first paint (docs/architecture.md "First paint"). Added after Vite puts its own preload list at the top,
 * so the comment is the first line; other browsers ignore it.
 */
function compileFirstRouteEagerly(): Plugin {
  const startsTheApp = (chunk: { isEntry: boolean; name: string; moduleIds: readonly string[] }) =>
    chunk.isEntry || chunk.name === REACT_CHUNK || chunk.name === REACT_DOM_CHUNK || holdsWholeApp(chunk);
  return {
    name: 'compile-first-route-eagerly',
    apply: 'build',
    augmentChunkHash: (chunk) => (startsTheApp(chunk) ? COMPILE_ALL_ON_LOAD : undefined),
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk' || !startsTheApp(chunk)) continue;
          chunk.code = `${COMPILE_ALL_ON_LOAD}\n${chunk.code}`;
          // One line more at the top: a source map (only in `vite build --sourcemap`) moves down with it.
          const map = bundle[`${chunk.fileName}.map`];
          if (map?.type === 'asset') {
            const source = JSON.parse(String(map.source)) as { mappings: string };
            map.source = JSON.stringify({ ...source, mappings: `;${source.mappings}` });
          }
        }
      },
    },
  };
}

/** `vite build` builds the PA page too (after the app, before the compressed copies), so every script still builds everything. */
function paPage(): Plugin {
  let outDir = resolve(root, 'dist');
  return {
    name: 'pa-page',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        await build(paPageConfig(outDir));
      },
    },
  };
}

export default defineConfig({
  plugins: [
    react(),
    phoneWordsOnly(),
    englishWords(resolve(root, 'locales')),
    helpNowWords(resolve(root, 'locales')),
    // The shell and Help now, prerendered into index.html and help.html for every language (src/app/shell/).
    firstPaint(resolve(root, 'locales')),
    compileFirstRouteEagerly(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/app',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: null,
      // The manifest is written by hand in public/manifest.webmanifest so it can carry shortcuts and maskable icons.
      manifest: false,
      injectManifest: {
        // App shell, Help now's words in every language and static data; never the PA page (young people's phones don't need it).
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,json,csv}'],
        // Nor each language's chunk: sw.ts keeps the one a person chooses (Help now's words for all are precached).
        globIgnores: ['pa/**', 'shell/**', FIRST_PAINT_CSP_FILE, 'assets/pa-*', '**/pa-*.js', ...LANGUAGES.map((l) => `assets/${l.code}-*.js`)],
        maximumFileSizeToCacheInBytes: 512 * 1024,
      },
      devOptions: { enabled: false },
    }),
    paPage(),
    // .br/.gz copies of dist/ for the server to send (a third of the bytes on a phone's data plan).
    compressedCopies(),
  ],
  resolve: {
    // Dexie's modern build (ES2018 classes and async, an ES module) instead of its ES5 one, which the package's own
    // import wrapper loads to guard against two copies in one page (we bundle one): about 1.3 KiB gzip less.
    alias: [{ find: /^dexie$/, replacement: 'dexie/dist/modern/dexie.mjs' }],
  },
  build: {
    target: 'es2022',
    // Every browser the app supports (es2022) preloads modules itself; the polyfill was 0.5 KiB of the first route.
    modulePreload: { polyfill: false },
    rollupOptions: {
      // The app only; the PA page (pa/index.html) is built by paPage() above. `vite dev` still serves both.
      input: { app: resolve(root, 'index.html') },
      output: {
        // Everything the first screen imports in four files (each module still exists once; lazy screens import it):
        // what a first start runs before a language is chosen, React with its words hook, React DOM, and the rest of
        // the app (src/app/wholeApp.tsx).
        codeSplitting: {
          groups: [
            { name: 'first-route', tags: ['$initial'], priority: 2 },
            // React and the hook every screen reads its words with, the first-start list's too: a file of their own
            // that the entry imports, or the list would import the hook from the rest of the app and run all of it.
            { name: REACT_CHUNK, test: /\/node_modules\/(react|react-i18next)\//, priority: 3 },
            { name: REACT_DOM_CHUNK, test: /\/node_modules\/(react-dom|scheduler)\//, priority: 3 },
            { name: 'wholeApp', test: /\/src\/app\/wholeApp\.tsx$/, priority: 1 },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:8080' } },
});
