// Find help: where you are, what you're looking for, filters, and the matching services nearest first.
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ExitButton } from '../help/ExitButton.tsx';
import { FilterPanel } from './FilterPanel.tsx';
import { readQuery } from './filters.ts';
import { rememberedPlace, type Place } from './place.ts';
import { PlacePicker } from './PlacePicker.tsx';
import { ResultList } from './ResultList.tsx';

const PAGE = 30;
import { useDirectorySearch } from './useDirectorySearch.ts';

export function SearchScreen() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [place, setPlace] = useState<Place | undefined>(rememberedPlace);
  const key = params.toString();
  // Recompute only when the address changes (params is a new object every render).
  const q = useMemo(() => readQuery(params), [key]);
  const [shown, setShown] = useState(PAGE);
  // A new search starts again from the first page of results.
  const [shownFor, setShownFor] = useState(key);
  if (shownFor !== key) {
    setShownFor(key);
    setShown(PAGE);
  }
  const { hits, total, languages } = useDirectorySearch(q, place, shown);
  const searchId = useId();
  const now = new Date();

  const setQuery = (text: string) => {
    const next = new URLSearchParams(params);
    if (text) next.set('q', text); else next.delete('q');
    setParams(next, { replace: true });
  };

  return (
    <div className="directory">
      <ExitButton />
      <h1>{t('directory.title')}</h1>
      <PlacePicker place={place} onChange={setPlace} />

      <div className="dir-search">
        <label htmlFor={searchId}>{t('directory.search.label')}</label>
        <span id={`${searchId}-hint`} className="dir-hint">{t('directory.search.hint')}</span>
        <input id={searchId} className="dir-input" type="search" dir="auto" value={q.query}
          aria-describedby={`${searchId}-hint`} onChange={(e) => setQuery(e.target.value)} />
      </div>

      <FilterPanel params={params} languages={languages} onChange={(next) => setParams(next, { replace: true })} />

      <p className="dir-count" role="status">
        {hits === undefined ? t('directory.results.loading') : total === 0 ? t('directory.results.none') : t('directory.results.count', { count: total })}
      </p>
      {hits && hits.length > 0 && <ResultList hits={hits} now={now} />}
      {hits && total > hits.length && (
        <button type="button" className="dir-button dir-button--quiet" onClick={() => setShown(shown + PAGE)}>{t('directory.results.more')}</button>
      )}

      <p>
        <Link className="dir-button dir-button--quiet" to="/directory/council">{t('directory.council.link')}</Link>
      </p>
      <p className="dir-attribution">{t('directory.place.attribution')}</p>
    </div>
  );
}
