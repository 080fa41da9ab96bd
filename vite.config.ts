import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { resolve } from 'node:path';
import { compressedCopies } from './src/app/pwa/compressedCopies.ts';

export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src/app',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: null,
      // The manifest is written by hand in public/manifest.webmanifest so it can carry shortcuts and maskable icons.
      manifest: false,
      injectManifest: {
        // App shell, every locale and static data; never the PA page (young people's phones don't need it).
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,json,csv}'],
        globIgnores: ['pa/**', 'assets/pa-*', '**/pa-*.js'],
        maximumFileSizeToCacheInBytes: 512 * 1024,
      },
      devOptions: { enabled: false },
    }),
    // .br/.gz copies of dist/ for the server to send (a third of the bytes on a phone's data plan).
    compressedCopies(),
  ],
  build: {
    target: 'es2022',
    rollupOptions: {
      input: {
        app: resolve(import.meta.dirname, 'index.html'),
        pa: resolve(import.meta.dirname, 'pa/index.html'),
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'pa' ? 'assets/pa-[hash].js' : 'assets/[name]-[hash].js'),
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:8080' } },
});
