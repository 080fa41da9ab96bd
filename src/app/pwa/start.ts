// Starts everything that keeps the app up to date, once per page (React StrictMode runs effects twice in dev).
import { db } from '../data/db.ts';
import { watchForUpgradeInAnotherTab } from './otherTabs.ts';
import { startServiceWorker } from './serviceWorker.ts';

let started = false;

export function startUpdates(): void {
  if (started) return;
  started = true;
  watchForUpgradeInAnotherTab(db);
  // A failed registration (private mode, old browser) only means no offline copy; the app still works online.
  void startServiceWorker().catch(() => undefined);
}
