// A calm one-line sync status: "Saved on this phone" or "Backed up"; never alarming words.
import { useTranslation } from 'react-i18next';

import { useSyncState } from '../sync/status.ts';

export function SyncStatusLine() {
  const { t } = useTranslation();
  const state = useSyncState();
  return (
    <p role="status" className="sync-status">
      {state && (
        <>
          <span aria-hidden="true" className={state.backedUp ? 'sync-dot sync-dot-done' : 'sync-dot'} />
          {t(state.backedUp ? 'sync.backedUp' : 'sync.savedOnPhone')}
        </>
      )}
    </p>
  );
}
