// The lint gate (`npm run lint`, part of `npm test`): typescript-eslint with types, the Rules of React, one import order.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig([
  globalIgnores(['dist/', 'data/', 'coverage/']),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  reactHooks.configs.flat.recommended,
  {
    plugins: { 'simple-import-sort': simpleImportSort },
    rules: {
      'simple-import-sort/imports': 'error',
      'simple-import-sort/exports': 'error',
    },
  },
  { files: ['src/app/**', 'src/pa/**'], languageOptions: { globals: globals.browser } },
  { files: ['src/app/sw.ts', 'public/pa/sw.js'], languageOptions: { globals: globals.serviceworker } },
  { files: ['src/server/**', 'tests/**', '*.config.{js,ts}'], languageOptions: { globals: globals.node } },
  // Plain JavaScript has no types to check against.
  { files: ['**/*.js'], extends: [tseslint.configs.disableTypeChecked] },
]);
