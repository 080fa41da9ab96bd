import { resolve } from 'node:path';

import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

import { englishWords } from './src/app/i18n/englishWordsPlugin.ts';
import { helpNowWords } from './src/app/i18n/helpNowWordsPlugin.ts';

export default defineConfig({
  plugins: [react(), englishWords(resolve(import.meta.dirname, 'locales')), helpNowWords(resolve(import.meta.dirname, 'locales'))],
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['tests/unit/**/*.test.{ts,tsx}', 'src/**/*.test.{ts,tsx}'],
          setupFiles: ['tests/unit/setup.ts'],
          // Property tests over fake IndexedDB take about 1 s alone but over 5 s on a loaded two-core machine (a CI run
          // beside other work); a test that times out keeps writing into the next one's database, so two fail.
          testTimeout: 30_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'server',
          environment: 'node',
          include: ['tests/server/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // Server tests share one PostgreSQL database; run files one at a time.
          fileParallelism: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          environment: 'node',
          // languages.test.ts checks its fourteen languages two at a time (describe.concurrent), one browser between them.
          maxConcurrency: 2,
          include: ['tests/e2e/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
