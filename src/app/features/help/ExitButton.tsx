// The "Exit" button at the top of every screen (the shell puts it there), explained the first time it appears.
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { EXIT_EXPLAINED_KEY, EXIT_URL, exitNow, useShiftToExit } from './quickExit.ts';

import './quick-exit.css';

function wasExplained(): boolean {
  try {
    return localStorage.getItem(EXIT_EXPLAINED_KEY) === 'yes';
  } catch {
    return false;
  }
}

export function ExitButton() {
  const { t } = useTranslation();
  const [explained, setExplained] = useState(wasExplained);
  const [shiftCount, setShiftCount] = useState(0);
  useShiftToExit(useCallback((count: number) => setShiftCount(count), []));

  const dismiss = () => {
    try {
      localStorage.setItem(EXIT_EXPLAINED_KEY, 'yes');
    } catch {
      // Not remembered when storage is blocked; it only means the note shows again next time.
    }
    setExplained(true);
  };

  return (
    <div className="quick-exit">
      <a
        href={EXIT_URL}
        role="button"
        rel="nofollow noreferrer"
        className="button button-danger"
        // The inline script on the painted page (shell/chooseShell.ts) finds the Exit button by this, before React.
        data-quick-exit=""
        onClick={(event) => {
          event.preventDefault();
          exitNow();
        }}
      >
        <span className="visually-hidden">{t('exit.emergency')} </span>
        {t('exit.button')}
      </a>
      <p className="visually-hidden" role="status">
        {shiftCount === 1 ? t('exit.shiftTwoMore') : shiftCount === 2 ? t('exit.shiftOneMore') : ''}
      </p>
      {!explained && (
        <section className="quick-exit__explain" aria-labelledby="quick-exit-explain-title">
          <h2 id="quick-exit-explain-title">{t('exit.explainTitle')}</h2>
          <p>{t('exit.explainButton')}</p>
          <p>{t('exit.explainHistory')}</p>
          <p>{t('exit.explainShift')}</p>
          <button type="button" className="button button-secondary" onClick={dismiss}>
            {t('exit.explainOk')}
          </button>
        </section>
      )}
    </div>
  );
}
