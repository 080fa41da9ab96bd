// A small header button that opens the language list, from the very first screen.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageList } from './LanguageList.tsx';

export function LanguagePicker() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const listId = useId();
  return (
    <div className="language-picker">
      <button
        type="button"
        className="language-button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true">🌐</span> {t('language.button')}
      </button>
      {open && (
        <div id={listId} className="language-popover" role="group" aria-label={t('language.choose')}>
          <LanguageList onChosen={() => setOpen(false)} />
        </div>
      )}
    </div>
  );
}
