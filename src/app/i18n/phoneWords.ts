// Build side (Node): a language's words as a young person's phone has them, read from locales/<code>.json: every word
// but the PA page's (`pa.*`, which only the PA page's own build keeps). phoneWordsOnly in vite.config.ts does the same
// to the language chunks it transforms.
import { readFileSync } from 'node:fs';
import path from 'node:path';

export type Words = Record<string, unknown>;

export const localeFile = (localesDir: string, code: string) => path.join(localesDir, `${code}.json`);

export function phoneWords(localesDir: string, code: string): Words {
  const { pa: _paPageOnly, ...words } = JSON.parse(readFileSync(localeFile(localesDir, code), 'utf8')) as Words;
  return words;
}
