// The "A new version is ready — Update" notice and the one-time "Ready to work offline" note.
// Mounted once in the app shell. It never reloads by itself: only the person's press on Update does.
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';

import { hasUnsavedInput } from '../ui/draft.ts';
import { startUpdates } from './start.ts';
import { applyUpdate, getUpdateState, setUpdateState, subscribeToUpdateState } from './updateState.ts';

import './UpdateNotice.css';

const OFFLINE_NOTE_MS = 8000;

export function UpdateNotice() {
  const { t } = useTranslation();
  const { updateReady, offlineReady } = useSyncExternalStore(subscribeToUpdateState, getUpdateState, getUpdateState);
  const [updating, setUpdating] = useState(false);
  const textKept = useUnsavedInputWhile(updateReady);

  useEffect(startUpdates, []);

  // The offline note is news, not a question: it goes away by itself, or sooner with OK.
  useEffect(() => {
    if (!offlineReady) return;
    const timer = window.setTimeout(() => setUpdateState({ offlineReady: false }), OFFLINE_NOTE_MS);
    return () => window.clearTimeout(timer);
  }, [offlineReady]);

  const update = () => {
    setUpdating(true);
    applyUpdate();
  };

  // The live region is always in the page so screen readers announce what appears in it.
  return (
    <div role="status" className="pwa-notices">
      {updateReady && (
        <div className="pwa-notice pwa-notice--update">
          <p className="pwa-notice__text">{t('pwa.update.ready')}</p>
          {textKept && <p className="pwa-notice__text">{t('pwa.update.textKept')}</p>}
          <button type="button" className="button" onClick={update} disabled={updating}>
            {updating ? t('pwa.update.updating') : t('pwa.update.button')}
          </button>
        </div>
      )}
      {offlineReady && !updateReady && (
        <div className="pwa-notice pwa-notice--offline">
          <p className="pwa-notice__text">{t('pwa.offline.ready')}</p>
          <button type="button" className="button button-secondary" onClick={() => setUpdateState({ offlineReady: false })}>
            {t('pwa.offline.dismiss')}
          </button>
        </div>
      )}
    </div>
  );
}

/** While the notice shows, follow whether a form holds unsaved text, so we can say it will be kept. */
function useUnsavedInputWhile(active: boolean): boolean {
  const [unsaved, setUnsaved] = useState(hasUnsavedInput);
  useEffect(() => {
    if (!active) return;
    // Forms mark themselves dirty in an effect after the keystroke renders, so look one frame later.
    const check = () => window.requestAnimationFrame(() => setUnsaved(hasUnsavedInput()));
    check();
    document.addEventListener('input', check);
    return () => document.removeEventListener('input', check);
  }, [active]);
  return active && unsaved;
}
