// The lint gate (`npm run lint`, part of `npm test`): typescript-eslint with types, the Rules of React, one import order.
// A full run takes about 40 s on a two-core machine; the type-aware rules are most of it and catch what tsc cannot
// (floating promises, `any` leaking out of JSON, Object's "[object Object]" in a string).
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import simpleImportSort from 'eslint-plugin-simple-import-sort';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig([
  // bench-floor/ is a byte-for-byte copy of the shared bare-framework page the bench compares against, never edited.
  globalIgnores(['dist/', 'data/', 'coverage/', 'bench-floor/']),
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // The same rule as tsc's noUnused*: a leading underscore names what is left out on purpose.
      '@typescript-eslint/no-unused-vars': ['error', {
        argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true,
      }],
      // React ignores what an event handler returns, so `onClick={async () => …}` is fine; promises passed anywhere
      // else that expects a plain function are still caught.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      // Fastify plugins and test doubles are async to say they return a promise, with or without an await inside;
      // the promise bugs that matter are no-floating-promises' and no-misused-promises'.
      '@typescript-eslint/require-await': 'off',
      // Passing on what was caught, as it was, is right (rejecting with a new string is what this rule is for).
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingUnknown: true }],
      // A `let` that a callback reads before its one assignment cannot be a const (it would throw, not be undefined).
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  reactHooks.configs.flat.recommended,
  {
    plugins: { 'simple-import-sort': simpleImportSort },
    rules: {
      // The plugin's groups, except that a stylesheet goes after every module: a screen's own CSS then follows the CSS
      // of the components it uses, as it did before the sort, so the built CSS (and which rule wins a tie) is the same.
      // Other side-effect imports stay first (tests/unit/setup.ts: fake IndexedDB before anything opens a database).
      'simple-import-sort/imports': ['error', {
        groups: [['^\\u0000(?!.*\\.css$)'], ['^node:'], ['^@?\\w'], ['^'], ['^\\.'], ['^\\u0000.*\\.css$']],
      }],
      'simple-import-sort/exports': 'error',
    },
  },
  { files: ['src/app/**', 'src/pa/**'], languageOptions: { globals: globals.browser } },
  { files: ['src/app/sw.ts', 'public/pa/sw.js'], languageOptions: { globals: globals.serviceworker } },
  { files: ['src/server/**', 'tests/**', '*.config.{js,ts}'], languageOptions: { globals: globals.node } },
  {
    // Kysely's own advice: a migration sees the database as it was then, not today's types, so it takes Kysely<any>.
    files: ['src/server/migrations/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Tests read responses as untyped JSON on purpose (what the server really sent) and their assertions are what
    // check its shape; `expect(mock.method)` passes a method without calling it.
    files: ['tests/**', 'src/**/*.test.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  // Plain JavaScript has no types to check against.
  { files: ['**/*.js'], extends: [tseslint.configs.disableTypeChecked] },
]);
