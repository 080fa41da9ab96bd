// Every shipped language, each written in itself so a person finds theirs without reading English.
import { useTranslation } from 'react-i18next';
import { changeLanguage } from './index.ts';
import { LANGUAGES } from './languages.ts';

export function LanguageList({ onChosen }: { onChosen?: () => void }) {
  const { i18n } = useTranslation();
  return (
    <ul className="language-list">
      {LANGUAGES.map((language) => {
        const current = i18n.language === language.code;
        return (
          <li key={language.code}>
            <button
              type="button"
              className="language-option"
              lang={language.code}
              dir={language.dir}
              aria-pressed={current}
              onClick={async () => {
                await changeLanguage(language.code);
                onChosen?.();
              }}
            >
              {language.nativeName}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
