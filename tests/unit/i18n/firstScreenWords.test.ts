// The first screen bundles only its own English words (src/app/i18n/firstScreenWords.ts); every other screen waits
// for the rest (lazyWithWords.ts). These tests try to make a screen show a key in place of a word: a word the first
// screen's code uses but does not bundle, a lazy screen or card that does not wait, or a word drawn before it arrived.
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import en from '../../../locales/en.json';
import { isFirstScreenKey, splitEnglish } from '../../../src/app/i18n/firstScreenWords.ts';
import { flatten } from '../../../src/app/i18n/helpNowKeys.ts';
import { everyScreensWords, i18n, startI18n } from '../../../src/app/i18n/index.ts';
import { sourceFiles, withoutComments } from './sources.ts';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const { pa: _paPageOnly, ...phoneWords } = en as Record<string, unknown>;
const englishKeys = [...flatten(phoneWords).keys()].map((key) => key.replace(/_(zero|one|two|few|many|other)$/, ''));

/**
 * What draws before the rest of English can have arrived: the entry and the rest of the first screen (wholeApp.tsx,
 * which the entry imports dynamically), the first-start language list, and everything they import statically.
 */
const FIRST_SCREEN_ROOTS = ['src/app/main.tsx', 'src/app/wholeApp.tsx', 'src/app/i18n/FirstStartLanguage.tsx'];

/** Relative static imports of values (not `import type`), as written in our sources: single quotes, one per statement. */
const STATIC_IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\s+from\s+)?'(\.{1,2}\/[^']+\.tsx?)'/g;

function firstScreenModules(): string[] {
  const queue = [...FIRST_SCREEN_ROOTS];
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const code = withoutComments(readFileSync(path.join(ROOT, file), 'utf8'));
    for (const match of code.matchAll(STATIC_IMPORT)) queue.push(path.join(path.dirname(file), match[1]));
  }
  return [...seen].sort();
}

/** Every word key a module names: exact keys ('today.historyLink') and the start of built ones (`checkin.mood.${m}`). */
function wordsNamedIn(file: string): string[] {
  const code = withoutComments(readFileSync(path.join(ROOT, file), 'utf8'));
  const exact = [...code.matchAll(/['"]([a-zA-Z][\w.-]*)['"]/g)].map((m) => m[1]).filter((literal) => englishKeys.includes(literal));
  const built = [...code.matchAll(/`([a-zA-Z][\w.]*\.)\$\{/g)].map((m) => m[1]).filter((start) => englishKeys.some((key) => key.startsWith(start)));
  return [...exact, ...built.flatMap((start) => englishKeys.filter((key) => key.startsWith(start)))];
}

describe("the first screen's English words", () => {
  const modules = firstScreenModules();

  it('follows the first screen through its static imports, and no further', () => {
    expect(modules).toEqual(expect.arrayContaining([
      'src/app/features/checkins/TodayScreen.tsx', 'src/app/features/checkins/CheckinForm.tsx', 'src/app/App.tsx', 'src/app/i18n/LanguageList.tsx',
    ]));
    // Screens behind a route load lazily, and wait for every word.
    expect(modules).not.toContain('src/app/features/history/HistoryScreen.tsx');
    expect(modules).not.toContain('src/app/features/appointments/NextAppointment.tsx');
  });

  it('bundles every word the first screen names', () => {
    const named = modules.flatMap((file) => wordsNamedIn(file).map((key) => ({ file, key })));
    expect(named.map(({ key }) => key)).toEqual(expect.arrayContaining(['app.skipLink', 'today.historyLink', 'checkin.save', 'checkin.mood.1', 'language.choose']));
    expect(named.filter(({ key }) => !isFirstScreenKey(key)).map(({ file, key }) => `${file}: ${key}`)).toEqual([]);
  });

  it('splits English into two parts that together hold every word once', () => {
    const { firstScreen, rest } = splitEnglish(phoneWords);
    const first = [...flatten(firstScreen).keys()];
    const others = [...flatten(rest).keys()];
    expect(first.length).toBeGreaterThan(0);
    expect(others.length).toBeGreaterThan(first.length);
    expect(first.filter((key) => others.includes(key))).toEqual([]);
    expect([...first, ...others].sort()).toEqual([...flatten(phoneWords).keys()].sort());
  });

  it('has the rest of English only once it is asked for', async () => {
    await startI18n('en');
    const later = englishKeys.find((key) => !isFirstScreenKey(key))!;
    expect(i18n.exists('today.historyLink')).toBe(true);
    expect(i18n.exists(later)).toBe(false);
    await everyScreensWords();
    expect(i18n.exists(later)).toBe(true);
  });
});

describe('screens and cards that load later', () => {
  it('all load through lazyWithWords, so none draws before its words are there', () => {
    const direct = sourceFiles(['src/app'])
      .filter(({ file }) => file !== 'src/app/i18n/lazyWithWords.ts')
      .filter(({ code }) => /\blazy\(/.test(code))
      .map(({ file }) => file);
    expect(direct).toEqual([]);
  });
});
