// The Help-now words of every language, as one lazily loaded, always precached chunk (see helpNowKeys.ts).
import packed from 'virtual:help-now-words';

import { unpackHelpNowWords } from './helpNowKeys.ts';

export function helpNowWordsFor(code: string): Record<string, unknown> {
  return unpackHelpNowWords(packed, code);
}
