// Help now's words for every language ship in one precached chunk; what comes out is exactly each locale's words.
import packed from 'virtual:help-now-words';
import { describe, expect, it } from 'vitest';

import { flatten, isHelpNowKey, unpackHelpNowWords, withoutHelpNowWords } from '../../../src/app/i18n/helpNowKeys.ts';
import { LANGUAGES } from '../../../src/shared/languages.ts';

const locales = import.meta.glob<Record<string, unknown>>('/locales/*.json', { eager: true, import: 'default' });

describe('Help-now words chunk', () => {
  it('holds every language but English (which is bundled), each with its own Help now title', () => {
    const present = LANGUAGES.filter((l) => l.code !== 'en' && locales[`/locales/${l.code}.json`]).map((l) => l.code);
    expect(Object.keys(packed.words).sort()).toEqual(present.sort());
    for (const code of present) {
      const words = flatten(unpackHelpNowWords(packed, code));
      expect(words.get('help.title')).toBe(flatten(locales[`/locales/${code}.json`]).get('help.title'));
    }
  });

  it("unpacks to exactly the locale's Help-now keys and words, nothing else", () => {
    const arabic = flatten(locales['/locales/ar.json']);
    const expected = new Map([...arabic].filter(([key]) => isHelpNowKey(key)));
    expect(flatten(unpackHelpNowWords(packed, 'ar'))).toEqual(expected);
    expect(expected.get('directory.actions.call')).toContain('{{number}}');
  });

  it("a language's own chunk (which leaves Help now's words out) and this chunk together are the whole language", () => {
    for (const { code } of LANGUAGES.filter((l) => l.code !== 'en')) {
      const locale = locales[`/locales/${code}.json`];
      const chunk = flatten(withoutHelpNowWords(locale));
      const helpNow = flatten(unpackHelpNowWords(packed, code));
      expect([...chunk.keys()].filter((key) => helpNow.has(key))).toEqual([]);
      expect(new Map([...chunk, ...helpNow])).toEqual(flatten(locale));
    }
  });
});
