// Every word a person sees comes from the locale files: no text written straight into a screen, and no t('key')
// whose key English lacks (a misspelt key would show the key itself, in every language).
import { describe, expect, it } from 'vitest';

import en from '../../../locales/en.json';
import { flatten } from '../../../src/app/i18n/helpNowKeys.ts';
import { sourceFiles } from './sources.ts';

const sources = sourceFiles(['src/app', 'src/pa']);
const englishKeys = new Set([...flatten(en as Record<string, unknown>).keys()].map((k) => k.replace(/_(zero|one|two|few|many|other)$/, '')));

// Numbers and punctuation are not words.
const ALLOWED_TEXT = /^[\s\d.,:;·–—()/+\-×%]*$/;

describe('user-visible strings live in the locale files', () => {
  it('writes no words straight into JSX text', () => {
    const found: string[] = [];
    for (const { file, code } of sources.filter((s) => s.file.endsWith('.tsx'))) {
      // Text between a closing ">" of a tag and the next "<" or "{", outside comments.
      for (const match of code.matchAll(/>([^<>{}\n]*[A-Za-z\u00C0-\u024F\u0600-\u06FF\u1200-\u137F][^<>{}\n]*)</g)) {
        const text = match[1].trim();
        // A TypeScript generic (`fetch<Thing>(`, `=> send<T>`) is code, not words: one identifier, perhaps after void/await.
        const code = /^(void |await |return )?[\w.$]+$/.test(text) || /[=;()]|=>|&&/.test(text);
        if (text && !ALLOWED_TEXT.test(text) && !code) found.push(`${file}: "${text}"`);
      }
    }
    expect(found).toEqual([]);
  });

  it('writes no words straight into aria-label, title, placeholder or alt', () => {
    const found: string[] = [];
    for (const { file, code } of sources.filter((s) => s.file.endsWith('.tsx'))) {
      for (const match of code.matchAll(/\b(aria-label|title|placeholder|alt)="([^"]*[A-Za-z][^"]*)"/g)) found.push(`${file}: ${match[1]}="${match[2]}"`);
    }
    expect(found).toEqual([]);
  });

  it("has every literal t('key') in English", () => {
    const missing: string[] = [];
    for (const { file, code } of sources) {
      for (const match of code.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g)) {
        if (!englishKeys.has(match[1])) missing.push(`${file}: ${match[1]}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
