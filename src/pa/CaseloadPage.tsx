// The caseload: "Today at a glance" (how many need the PA now, and why, each a link), then everyone, most in need
// first (src/shared/sharing/caseload.ts scores it), with search and filters; then who stopped sharing or stopped
// using the app (when only). Kept up to date while open (./live.tsx).
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { languageOf } from '../shared/languages.ts';
import type { CaseloadEntry } from '../shared/sharing/caseload.ts';
import { paFetch } from './api.ts';
import { type CaseloadFilter, filterCaseload, glance, NO_FILTER, QUIET_CHOICES } from './caseload/filter.ts';
import { CoveringLinks } from './CoverPages.tsx';
import { formatDay, formatWhen } from './i18n.ts';
import { type EndedEntry, LiveCaseloadProvider, useLiveCaseload } from './live.tsx';
import { PageHeading } from './page.tsx';

export function CaseloadPage() {
  // Inside the PA app the provider is already there (it also counts new items in the tab title); alone, bring one.
  return useLiveCaseload() ? <CaseloadView /> : <LiveCaseloadProvider><CaseloadView /></LiveCaseloadProvider>;
}

/** What the PA calls them: the name they gave (or when they connected), and the PA's own label. */
function useDisplayName() {
  const { t, i18n } = useTranslation();
  return (person: { name: string; connectedAt?: string }) => person.name || t('pa.caseload.noName', { when: formatWhen(person.connectedAt ?? new Date().toISOString(), i18n.language) });
}

/** @internal exported for its tests (knip --production) */
export function Glance({ caseload }: { caseload: CaseloadEntry[] }) {
  const { t } = useTranslation();
  const nameOf = useDisplayName();
  const summary = glance(caseload);
  return (
    <section aria-labelledby="glance-title" className="pa-glance">
      <h2 id="glance-title">{t('pa.glance.title')}</h2>
      <p className="pa-glance-total">{summary.total === 0 ? t('pa.glance.nobody') : t('pa.glance.total', { count: summary.total })}</p>
      {summary.reasons.length > 0 && (
        <ul className="pa-glance-list">
          {summary.reasons.map(({ reason, people }) => (
            <li key={reason}>
              <span className="pa-glance-reason">{t('pa.glance.reason', { reason: t(`pa.caseload.reasons.${reason}`), count: people.length })}</span>{' '}
              {people.map((p, i) => (
                <span key={p.personId}>{i > 0 && ', '}<Link to={`/people/${p.personId}`}><span dir="auto">{nameOf(p)}</span></Link></span>
              ))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Filters({ filter, onChange }: { filter: CaseloadFilter; onChange: (f: CaseloadFilter) => void }) {
  const { t } = useTranslation();
  const ids = { search: useId(), quiet: useId() };
  return (
    <form className="pa-filters" role="search" aria-label={t('pa.filters.label')} onSubmit={(e) => e.preventDefault()}>
      <div className="pa-filter-field">
        <label htmlFor={ids.search}>{t('pa.filters.search')}</label>
        <input id={ids.search} type="search" dir="auto" value={filter.search} onChange={(e) => onChange({ ...filter, search: e.target.value })} />
      </div>
      <label className="pa-check"><input type="checkbox" checked={filter.needsMe} onChange={(e) => onChange({ ...filter, needsMe: e.target.checked })} />{t('pa.filters.needsMe')}</label>
      <label className="pa-check"><input type="checkbox" checked={filter.unseen} onChange={(e) => onChange({ ...filter, unseen: e.target.checked })} />{t('pa.filters.unseen')}</label>
      <div className="pa-filter-field">
        <label htmlFor={ids.quiet}>{t('pa.filters.quiet')}</label>
        <select id={ids.quiet} value={filter.quietDays ?? ''} onChange={(e) => onChange({ ...filter, quietDays: e.target.value ? Number(e.target.value) : null })}>
          <option value="">{t('pa.filters.quietAny')}</option>
          {QUIET_CHOICES.map((d) => <option key={d} value={d}>{t('pa.filters.quietDays', { count: d })}</option>)}
        </select>
      </div>
    </form>
  );
}

export function Card({ entry, linkTo }: { entry: CaseloadEntry; linkTo?: string }) {
  const { t, i18n } = useTranslation();
  const nameOf = useDisplayName();
  const language = entry.language ? languageOf(entry.language) : undefined;
  return (
    <li className="pa-card">
      <h2 className="pa-card-title">
        <Link to={linkTo ?? `/people/${entry.personId}`}><span dir="auto">{nameOf(entry)}</span></Link>
        {entry.unseen > 0 && <span className="pa-badge">{t('pa.caseload.newBadge', { count: entry.unseen })}</span>}
      </h2>
      {entry.label && <p className="pa-muted">{t('pa.caseload.label')} <span dir="auto">{entry.label}</span></p>}
      {entry.reasons.length > 0 && (
        <ul className="pa-flags" aria-label={t('pa.caseload.reasonsLabel')}>
          {entry.reasons.map((reason) => (
            <li key={reason} className={entry.reasons[0] === reason && reason !== 'unseen' ? 'pa-flag pa-flag-urgent' : 'pa-flag'}>{t(`pa.caseload.reasons.${reason}`)}</li>
          ))}
        </ul>
      )}
      <p className="pa-muted">
        {language && (
          <>{t('pa.language.card', { language: language.englishName })} (<span lang={entry.language!} dir={language.dir}>{language.nativeName}</span>) · </>
        )}
        {entry.lastSharedAt ? t('pa.caseload.lastShared', { when: formatWhen(entry.lastSharedAt, i18n.language) }) : t('pa.caseload.nothingShared')}
      </p>
    </li>
  );
}

function EndedCard({ entry, onRemoved }: { entry: EndedEntry; onRemoved: () => void }) {
  const { t, i18n } = useTranslation();
  const nameOf = useDisplayName();
  const name = nameOf({ name: entry.name });
  const remove = () => void paFetch('DELETE', `/pa/people/${entry.personId}`).then(onRemoved, () => undefined);
  return (
    <li className="pa-card pa-card-ended">
      <p><span dir="auto" className="pa-item-title">{name}</span>{entry.label && <> (<span dir="auto">{entry.label}</span>)</>}</p>
      <p>{t('pa.caseload.stoppedSharing', { when: formatDay(entry.endedAt, i18n.language) })}</p>
      <button type="button" className="pa-button pa-button-secondary" onClick={remove} aria-label={`${t('pa.caseload.removeCard')}${t('pa.caseload.removeCardOf', { name })}`}>
        {t('pa.caseload.removeCard')}
      </button>
    </li>
  );
}

function CaseloadView() {
  const { t, i18n } = useTranslation();
  const live = useLiveCaseload()!;
  const [filter, setFilter] = useState<CaseloadFilter>(NO_FILTER);
  // Young people who deleted their data everywhere: only when, never who (server/routes/delete-my-data.ts).
  const [stopped, setStopped] = useState<{ stoppedAt: string }[]>([]);
  const [error, setError] = useState('');
  useEffect(() => {
    paFetch<{ stopped: { stoppedAt: string }[] }>('GET', '/pa/stopped-using').then((r) => setStopped(r.stopped), () => setError(t('pa.errors.server')));
  }, [t]);

  const caseload = live.caseload;
  const shown = caseload ? filterCaseload(caseload, filter) : null;
  const filtering = filter !== NO_FILTER;
  return (
    <>
      <PageHeading title={t('pa.caseload.title')} />
      <CoveringLinks />
      {(error || live.failed) && <p role="alert" className="pa-error">{error || t('pa.errors.server')}</p>}
      {caseload?.length === 0 && <p>{t('pa.caseload.empty')}</p>}
      {caseload && caseload.length > 0 && (
        <>
          <Glance caseload={caseload} />
          <Filters filter={filter} onChange={setFilter} />
          <p role="status" className="pa-muted">{filtering ? t('pa.filters.showing', { shown: shown!.length, total: caseload.length }) : ''}</p>
        </>
      )}
      <ul className="pa-caseload" aria-label={t('pa.caseload.listLabel')}>
        {shown?.map((entry) => <Card key={entry.personId} entry={entry} />)}
      </ul>
      {live.ended.length > 0 && (
        <ul className="pa-caseload pa-ended" aria-label={t('pa.caseload.endedLabel')}>
          {live.ended.map((entry) => <EndedCard key={entry.personId} entry={entry} onRemoved={() => void live.refresh()} />)}
        </ul>
      )}
      {caseload && caseload.length > 0 && (
        <p><a className="pa-button pa-button-secondary" href="/api/v1/pa/caseload/export.csv" download>{t('pa.caseload.export')}</a></p>
      )}
      {stopped.map((entry, i) => (
        <p key={i} className="pa-muted">{t('pa.caseload.stoppedUsing', { when: formatWhen(entry.stoppedAt, i18n.language) })}</p>
      ))}
    </>
  );
}
