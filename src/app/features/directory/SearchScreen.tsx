// Find help: where you are, what you're looking for, filters, and the matching services nearest first.
// Once a place is chosen the results start at the top of the screen: place, search and filters fold into one
// line that opens again.
import { useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';

import { formatAmount } from '../../../shared/directory/distance.ts';
import { FilterPanel } from './FilterPanel.tsx';
import { readQuery } from './filters.ts';
import { type Place, RADIUS_CHOICES, type Reach, rememberedPlace, rememberedReach, rememberReach } from './place.ts';
import { PlacePicker } from './PlacePicker.tsx';
import { ResultList } from './ResultList.tsx';
import { useDirectorySearch } from './useDirectorySearch.ts';

const PAGE = 30;

function ReachPicker({ reach, onChange }: { reach: Reach; onChange: (reach: Reach) => void }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  return (
    <div className="dir-reach">
      <label htmlFor={`${id}-radius`}>{t('directory.place.radius')}</label>
      <select id={`${id}-radius`} className="text-input dir-input" value={reach.radius} onChange={(e) => onChange({ ...reach, radius: Number(e.target.value) })}>
        {RADIUS_CHOICES.map((r) => <option key={r} value={r}>{t('directory.place.within', { distance: formatAmount(r, reach.unit, i18n.language) })}</option>)}
      </select>
      <label htmlFor={`${id}-unit`}>{t('directory.place.units')}</label>
      <select id={`${id}-unit`} className="text-input dir-input" value={reach.unit} onChange={(e) => onChange({ ...reach, unit: e.target.value as Reach['unit'] })}>
        <option value="mile">{t('directory.place.miles')}</option>
        <option value="kilometer">{t('directory.place.km')}</option>
      </select>
    </div>
  );
}

export function SearchScreen() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [place, setPlace] = useState<Place | undefined>(rememberedPlace);
  const [reach, setReachState] = useState<Reach>(rememberedReach);
  // Folded once a place is known: the list is what the person came for.
  const [controlsOpen, setControlsOpen] = useState(() => !rememberedPlace());
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const key = params.toString();
  // Recompute only when the address changes (params is a new object every render), from the address itself.
  const q = useMemo(() => readQuery(new URLSearchParams(key)), [key]);
  const [shown, setShown] = useState(PAGE);
  // A new search starts again from the first page of results.
  const [shownFor, setShownFor] = useState(key);
  if (shownFor !== key) {
    setShownFor(key);
    setShown(PAGE);
  }
  const { hits, total, languages, categories } = useDirectorySearch(q, place, shown, reach);
  const searchId = useId();
  const now = new Date();
  const filterCount = [...params.keys()].filter((k) => k !== 'q').length;
  const localCount = hits?.filter((h) => h.service.location.kind !== 'national').length ?? 0;

  const setQuery = (text: string) => {
    const next = new URLSearchParams(params);
    if (text) next.set('q', text); else next.delete('q');
    setParams(next, { replace: true });
  };
  const choosePlace = (next: Place | undefined) => {
    setPlace(next);
    if (!next) return;
    setControlsOpen(false);
    // Results first: the top of the list at the top of the screen, and the reader's focus on it.
    window.scrollTo?.(0, 0);
    requestAnimationFrame(() => resultsHeading.current?.focus());
  };
  const setReach = (next: Reach) => {
    rememberReach(next);
    setReachState(next);
  };

  const foldedLine = [
    place ? t('directory.place.near', { place: place.label || t('directory.place.myLocation') }) : t('directory.place.legend'),
    q.query ? `“${q.query}”` : '',
    filterCount > 0 ? t('directory.filters.active', { count: filterCount }) : '',
  ].filter(Boolean).join(' · ');

  return (
    <div className="directory">
      <h1>{t('directory.title')}</h1>
      <details className="dir-controls" open={controlsOpen} onToggle={(e) => setControlsOpen(e.currentTarget.open)}>
        <summary className="filter-panel__summary dir-controls__summary">
          <span dir="auto">{foldedLine}</span>
          <span className="dir-controls__change">{controlsOpen ? t('directory.controls.hide') : t('directory.controls.change')}</span>
        </summary>
        <div className="dir-controls__body">
          <PlacePicker place={place} onChange={choosePlace} />
          {place && <ReachPicker reach={reach} onChange={setReach} />}

          <div className="dir-search">
            <label htmlFor={searchId}>{t('directory.search.label')}</label>
            <span id={`${searchId}-hint`} className="dir-hint">{t('directory.search.hint')}</span>
            <input id={searchId} className="text-input dir-input" type="search" dir="auto" value={q.query}
              aria-describedby={`${searchId}-hint`} onChange={(e) => setQuery(e.target.value)} />
          </div>

          <FilterPanel params={params} languages={languages} categories={categories} onChange={(next) => setParams(next, { replace: true })} />
        </div>
      </details>

      <h2 className="dir-count" tabIndex={-1} ref={resultsHeading}>
        <span role="status">
          {hits === undefined ? t('directory.results.loading') : total === 0 ? t('directory.results.none') : t('directory.results.count', { count: total })}
        </span>
      </h2>
      {place && hits && localCount === 0 && total > 0 && <p className="dir-none-near">{t('directory.results.noneNear')}</p>}
      {hits && hits.length > 0 && <ResultList hits={hits} now={now} near={Boolean(place)} />}
      {hits && total > hits.length && (
        <button type="button" className="button button-secondary" onClick={() => setShown(shown + PAGE)}>{t('directory.results.more')}</button>
      )}

      <p>
        <Link className="button button-secondary" to="/directory/council">{t('directory.council.link')}</Link>
      </p>
      <p className="dir-attribution">{t('directory.place.attribution')}</p>
    </div>
  );
}
