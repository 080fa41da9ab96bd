// Start-up: language first (so nothing flashes in the wrong language), then the database, then the app.
import { createRoot } from 'react-dom/client';
import { startI18n } from './i18n/index.ts';
import { db } from './data/db.ts';
import { openLocalStore } from './data/storage.ts';
import { App } from './App.tsx';
import './styles/app.css';

async function start() {
  const [, storage] = await Promise.all([startI18n(), openLocalStore(db)]);
  createRoot(document.getElementById('root')!).render(<App storage={storage} />);
  // Sync is not needed for the first paint, so it loads just after.
  const { startSync } = await import('./sync/schedule.ts');
  startSync();
}

void start();
