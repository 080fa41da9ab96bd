// Signed out: the sign-in form. Signed in: navigation and the pages a PA, manager or admin may open.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, NavLink, Route, Routes } from 'react-router';

import type { StaffUser, WorkingHours } from '../shared/sharing/schemas.ts';
import { onSignedOut, paFetch } from './api.ts';
import { CaseloadPage } from './CaseloadPage.tsx';
import { ChangePasswordPage } from './ChangePasswordPage.tsx';
import { CoverCaseloadPage, CoverPersonPage } from './CoverPages.tsx';
import { CoverSection } from './CoverSection.tsx';
import { FiguresPage } from './FiguresPage.tsx';
import { HoursPage } from './HoursPage.tsx';
import { switchLanguage } from './i18n.ts';
import { LiveCaseloadProvider } from './live.tsx';
import { LoginPage } from './LoginPage.tsx';
import { PageHeading } from './page.tsx';
import { PairingPage } from './PairingPage.tsx';
import { PersonPage } from './PersonPage.tsx';
import { renewCallAlerts, turnOffCallAlerts } from './push.ts';
import { PushOptIn } from './PushOptIn.tsx';

export type Me = { user: StaffUser; workingHours: WorkingHours; mustChangePassword: boolean };

export function PaApp() {
  const { t, i18n } = useTranslation();
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [notice, setNotice] = useState('');
  // "You were signed out" only for someone who was signed in, not on a first visit to the sign-in page.
  const wasSignedIn = useRef(false);
  useEffect(() => {
    wasSignedIn.current = Boolean(me);
  }, [me]);

  useEffect(() => {
    paFetch<Me>('GET', '/pa/me').then(setMe, () => setMe(null));
    return onSignedOut(() => {
      setMe(null);
      if (wasSignedIn.current) setNotice(t('pa.errors.signedOut'));
    });
  }, [t]);

  // A PA's call alerts follow them back after signing in again on this browser, and end when they sign out here.
  const userId = me?.user.role === 'pa' ? me.user.id : null;
  useEffect(() => { if (userId) void renewCallAlerts(userId, i18n.language); }, [userId, i18n.language]);

  const signOut = async () => {
    await turnOffCallAlerts().catch(() => undefined);
    await paFetch('POST', '/pa/logout').catch(() => undefined);
    setMe(null);
  };
  const other = i18n.language === 'ar' ? 'en' : 'ar';

  return (
    <BrowserRouter basename="/pa">
      <a href="#main" className="pa-skip">{t('pa.skipLink')}</a>
      <header className="pa-header">
        <p className="pa-brand">{t('pa.title')}</p>
        <button type="button" className="pa-link-button" lang={other} onClick={() => void switchLanguage(other)}>{t('pa.otherLanguage')}</button>
        {me && !me.mustChangePassword && (
          <nav aria-label={t('pa.nav.label')} className="pa-nav">
            <ul>
              {me.user.role === 'pa' && (
                <>
                  <li><NavLink to="/" end>{t('pa.nav.caseload')}</NavLink></li>
                  <li><NavLink to="/pairing">{t('pa.nav.pairing')}</NavLink></li>
                  <li><NavLink to="/hours">{t('pa.nav.hours')}</NavLink></li>
                </>
              )}
              {me.user.role === 'manager' && <li><NavLink to="/" end>{t('pa.nav.figures')}</NavLink></li>}
              <li><button type="button" className="pa-link-button" onClick={() => void signOut()}>{t('pa.nav.signOut')}</button></li>
            </ul>
          </nav>
        )}
      </header>
      <main id="main" className="pa-main" tabIndex={-1}>
        {me === undefined ? null : me === null ? (
          <LoginPage notice={notice} onSignedIn={(next) => { setNotice(''); setMe(next); }} />
        ) : me.mustChangePassword ? (
          <ChangePasswordPage onChanged={() => void paFetch<Me>('GET', '/pa/me').then(setMe)} />
        ) : me.user.role === 'manager' ? (
          <>
            <FiguresPage />
            <CoverSection />
          </>
        ) : me.user.role === 'pa' ? (
          <LiveCaseloadProvider>
            <Routes>
              <Route path="/" element={<CaseloadPage />} />
              <Route path="/people/:personId" element={<PersonPage />} />
              <Route path="/pairing" element={<PairingPage />} />
              <Route path="/hours" element={<><HoursPage initial={me.workingHours} /><PushOptIn userId={me.user.id} /></>} />
              <Route path="/covering/:coverId" element={<CoverCaseloadPage />} />
              <Route path="/covering/:coverId/people/:personId" element={<CoverPersonPage />} />
              <Route path="*" element={<CaseloadPage />} />
            </Routes>
          </LiveCaseloadProvider>
        ) : (
          <PageHeading title={t('pa.title')} />
        )}
      </main>
    </BrowserRouter>
  );
}
