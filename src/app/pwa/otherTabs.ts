// When another tab opens a newer version of the app, it upgrades the phone's database; this tab must step aside.
import type Dexie from 'dexie';

import { setUpdateState } from './updateState.ts';

/** Dexie closes this tab's connection so the upgrade can go ahead; we show the update notice (Update reloads). */
export function watchForUpgradeInAnotherTab(database: Dexie): () => void {
  const onVersionChange = (event: IDBVersionChangeEvent) => {
    // newVersion is null when another tab deletes the data ("delete my data"), which is not an app update.
    if (!event.newVersion) return;
    database.close({ disableAutoOpen: false });
    setUpdateState({ updateReady: true });
  };
  database.on('versionchange', onVersionChange);
  return () => database.on('versionchange').unsubscribe(onVersionChange);
}
