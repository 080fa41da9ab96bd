// Build step: English in two virtual modules, `virtual:english-words/first-screen` (bundled with the first screen)
// and `virtual:english-words/rest` (its own chunk, through englishWords.ts), split by firstScreenWords.ts. The PA
// page's words (`pa.*`) are left out of both: a young person's phone never shows them, and the PA page is its own
// build that reads locales/en.json whole.
import type { Plugin } from 'vite';

import { splitEnglish } from './firstScreenWords.ts';
import { localeFile, phoneWords } from './phoneWords.ts';

const PARTS = { 'virtual:english-words/first-screen': 'firstScreen', 'virtual:english-words/rest': 'rest' } as const;
type Id = keyof typeof PARTS;
const isPart = (id: string): id is Id => id in PARTS;

export function englishWords(localesDir: string): Plugin {
  return {
    name: 'english-words',
    resolveId: (id) => (isPart(id) ? `\0${id}` : undefined),
    load(id) {
      const part = id.startsWith('\0') ? id.slice(1) : '';
      if (!isPart(part)) return undefined;
      this.addWatchFile(localeFile(localesDir, 'en'));
      return `export default ${JSON.stringify(splitEnglish(phoneWords(localesDir, 'en'))[PARTS[part]])};`;
    },
  };
}
