// Every PA page has its own document title ("(3) Your caseload – Personal Adviser": the count is what is new across
// the caseload) and its own <h1>, which takes focus when a page is reached by navigating (not on the first load),
// so a screen reader hears where it now is.
import { type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

let pageTitle = '';
let brand = '';
let badge = 0;
let headingsShown = 0;

function applyTitle(): void {
  const base = pageTitle && brand ? `${pageTitle} – ${brand}` : pageTitle || brand;
  document.title = badge > 0 ? `(${badge}) ${base}` : base;
}

/** How many new things wait across the caseload; 0 hides the count. */
export function setTitleBadge(count: number): void {
  badge = count;
  applyTitle();
}

/** The page's <h1>; `title` (plain text) names the page in the tab. */
export function PageHeading({ title, children }: { title: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    pageTitle = title;
    brand = t('pa.title');
    applyTitle();
  }, [title, t]);
  useEffect(() => {
    // The first heading after the page loads stays put (focus starts at the top); every later one was navigated to.
    if (headingsShown++ > 0) ref.current?.focus();
  }, []);
  return <h1 ref={ref} tabIndex={-1} className="pa-heading">{children ?? title}</h1>;
}
