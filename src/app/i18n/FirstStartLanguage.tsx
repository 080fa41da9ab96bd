// First start, before anything else: which language? Each is written in itself; the phone's own is at the top,
// already selected, so most people tap once. Loaded only on first start, never part of the usual first screen.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

import { takeEarlyTap } from '../shell/earlyTaps.ts';
import { changeLanguage } from './index.ts';
import { LanguageList } from './LanguageList.tsx';

export function FirstStartLanguage({ preselected, onChosen }: { preselected: string; onChosen: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    // A language tapped on the painted list before the app listened (shell/earlyTaps.ts) is the choice.
    const tapped = takeEarlyTap('language');
    if (tapped) void changeLanguage(tapped).then(onChosen);
    // Without scrolling: on a slow phone someone may have scrolled the painted list already (to their language, or
    // to the privacy link), and a jump back to the top would put a different thing under their finger.
    else if (document.activeElement === document.body) heading.current?.focus({ preventScroll: true });
  // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when the list is live: the early tap is taken then
  }, []);
  return (
    <main className="first-start" id="main">
      <h1 ref={heading} tabIndex={-1}>{t('language.choose')}</h1>
      <LanguageList first={preselected} onChosen={onChosen} />
      {/* Before using anything, a person can read what happens to what they write (a full load: the list comes
          first again, then the page opens in the language chosen). */}
      <p><a href="/privacy">{t('privacy.title')}</a></p>
    </main>
  );
}
