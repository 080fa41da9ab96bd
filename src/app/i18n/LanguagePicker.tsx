// A small header button that opens the language list, from the very first screen.
import { Suspense, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { lazyWithWords } from './lazyWithWords.ts';

// The list loads when the button is first pressed (it is precached, so offline too): the first screen never carries it.
const LanguageList = lazyWithWords(() => import('./LanguageList.tsx').then((m) => ({ default: m.LanguageList })));

export function LanguagePicker() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const buttonRef = useRef<HTMLButtonElement>(null);
  return (
    <div
      className="language-picker"
      onKeyDown={(e) => {
        // Escape closes the list and puts focus back where it was, like any menu.
        if (e.key === 'Escape' && open) {
          setOpen(false);
          buttonRef.current?.focus();
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="language-button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
      >
        <svg viewBox="0 0 24 24" className="language-icon" aria-hidden="true" focusable="false">
          <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="1.8" />
          <ellipse cx="12" cy="12" rx="4" ry="9" fill="none" stroke="currentColor" strokeWidth="1.5" />
          <path d="M3 12h18M5 7h14M5 17h14" fill="none" stroke="currentColor" strokeWidth="1.3" />
        </svg>
        {t('language.button')}
      </button>
      {open && (
        <div id={listId} className="language-popover" role="group" aria-label={t('language.choose')}>
          <Suspense fallback={null}>
            <LanguageList onChosen={() => setOpen(false)} />
          </Suspense>
        </div>
      )}
    </div>
  );
}
