// Every shipped language, each written in itself (so a person finds theirs without reading English) with its
// English name underneath for whoever is helping them. No flags: a flag is a country, not a language.
import { useTranslation } from 'react-i18next';

import { changeLanguage } from './index.ts';
import { LANGUAGES } from './languages.ts';

export function LanguageList({ onChosen, first }: { onChosen?: () => void; first?: string }) {
  const { i18n } = useTranslation();
  // On first start the phone's language leads the list, already selected.
  const ordered = first ? [...LANGUAGES].sort((a, b) => Number(b.code === first) - Number(a.code === first)) : LANGUAGES;
  return (
    <ul className="language-list">
      {ordered.map((language) => {
        const current = i18n.language === language.code;
        return (
          <li key={language.code}>
            <button
              type="button"
              className="language-option"
              aria-pressed={current}
              onClick={async () => {
                await changeLanguage(language.code);
                onChosen?.();
              }}
            >
              <span className="language-option__native" lang={language.code} dir={language.dir}>{language.nativeName}</span>
              {language.code !== 'en' && <span className="language-option__english" lang="en" dir="ltr">{language.englishName}</span>}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
