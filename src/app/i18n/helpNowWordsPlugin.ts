// Build step: `virtual:help-now-words` is every shipped language's Help-now words (not English, which is bundled),
// packed from locales/*.json, so it is one small chunk the service worker precaches (budget: 12 KB gzip).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

import type { Plugin } from 'vite';

import { LANGUAGES } from '../../shared/languages.ts';
import { packHelpNowWords } from './helpNowKeys.ts';

const ID = 'virtual:help-now-words';
const RESOLVED = `\0${ID}`;

export function helpNowWords(localesDir: string): Plugin {
  return {
    name: 'help-now-words',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      const locales: Record<string, Record<string, unknown>> = {};
      for (const { code } of LANGUAGES) {
        if (code === 'en') continue;
        const file = path.join(localesDir, `${code}.json`);
        // A language whose file is not written yet is left out here; the locale tests name it as missing.
        if (!existsSync(file)) continue;
        this.addWatchFile(file);
        locales[code] = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      }
      return `export default ${JSON.stringify(packHelpNowWords(locales))};`;
    },
  };
}
