// The shell around every screen: skip link, Help-now bar, header with language, sync status, quick exit, bottom navigation.
import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router';

import { useLocked } from './data/lock/lockState.ts';
import type { StorageMode } from './data/storage.ts';
import { ExitButton } from './features/help/ExitButton.tsx';
import { LanguagePicker } from './i18n/LanguagePicker.tsx';
import { lazyWithWords } from './i18n/lazyWithWords.ts';
import { UpdateNotice } from './pwa/UpdateNotice.tsx';
import { routes } from './routes.tsx';
import { useSignedOut } from './sync/signedOut.ts';
import { BottomNav } from './ui/BottomNav.tsx';
import { HelpNowBar } from './ui/HelpNowBar.tsx';
import { NotFound } from './ui/NotFound.tsx';
import { ScreenFallback } from './ui/ScreenFallback.tsx';
import { StorageBanner } from './ui/StorageBanner.tsx';
import { SyncStatusLine } from './ui/SyncStatusLine.tsx';

// Only with a PIN set, so a phone without one never downloads it.
const LockScreen = lazyWithWords(() => import('./features/pin-lock/LockScreen.tsx'));
// Only on a phone that was signed out or wiped (its list of what was deleted too), so the first screen never carries it.
const SignedOutScreen = lazyWithWords(() => import('./ui/SignedOutScreen.tsx'));
// Screens that show nothing personal stay open while locked: Help now, the calm-down exercises, privacy.
const OPEN_WHILE_LOCKED = ['/help', '/help/breathe', '/help/grounding', '/privacy'];

export function Shell({ storage = 'device' }: { storage?: StorageMode }) {
  const { t } = useTranslation();
  // Signed out by its person: nothing personal is left, and nothing of the app's own screens is shown.
  const signedOut = useSignedOut();
  // Locked by its PIN: the lock screen stands in for every personal screen, and nothing personal is drawn.
  const locked = useLocked();
  return (
    <div className="shell">
      <a href="#main" className="skip-link">{t('app.skipLink')}</a>
      <UpdateNotice />
      <header className="app-header">
        <HelpNowBar />
        <div className="app-header-row">
          {signedOut || locked ? <span /> : <SyncStatusLine />}
          <LanguagePicker />
        </div>
      </header>
      {storage === 'unavailable' && <StorageBanner />}
      <main id="main" tabIndex={-1} className="app-main">
        {/* Quick exit on every screen: someone may look over their shoulder on any of them, not only in Help now. */}
        <ExitButton />
        <Suspense fallback={<ScreenFallback />}>
          {signedOut ? <SignedOutScreen /> : <Routes>
            {routes.filter(({ path }) => !locked || OPEN_WHILE_LOCKED.includes(path)).map(({ path, element: Screen }) => (
              <Route key={path} path={path} element={<Screen />} />
            ))}
            <Route path="*" element={locked ? <LockScreen /> : <NotFound />} />
          </Routes>}
        </Suspense>
      </main>
      {!signedOut && !locked && <BottomNav />}
    </div>
  );
}

export function App({ storage }: { storage?: StorageMode }) {
  // No transitions: screens keep inputs in the address (Find help's search and filters), and a transition
  // would show the old value until it commits, so a tick or a typed letter could flicker or be lost.
  return (
    <BrowserRouter useTransitions={false}>
      <Shell storage={storage} />
    </BrowserRouter>
  );
}
