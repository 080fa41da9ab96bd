import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { watchForUpgradeInAnotherTab } from './otherTabs.ts';
import { getUpdateState, resetUpdateStateForTests } from './updateState.ts';

const NAME = 'other-tab-upgrade-test';

function openAtVersion(version: number) {
  const database = new Dexie(NAME);
  for (let v = 1; v <= version; v++) database.version(v).stores({ checkins: 'id, at', [`extra${v}`]: 'id' });
  return database;
}

describe('another tab opening a newer version of the app', () => {
  beforeEach(resetUpdateStateForTests);
  afterEach(() => Dexie.delete(NAME));

  it('steps aside so the other tab can upgrade the data, and offers the update here', async () => {
    const thisTab = openAtVersion(1);
    await thisTab.open();
    watchForUpgradeInAnotherTab(thisTab);

    const newerTab = openAtVersion(2);
    await newerTab.open(); // would hang (blocked) if this tab kept its connection open
    expect(thisTab.isOpen()).toBe(false);
    expect(getUpdateState().updateReady).toBe(true);
    newerTab.close();
  });

  it('does not offer an update when another tab deletes the data', async () => {
    const thisTab = openAtVersion(1);
    await thisTab.open();
    watchForUpgradeInAnotherTab(thisTab);
    await Dexie.delete(NAME);
    expect(getUpdateState().updateReady).toBe(false);
  });
});
