// Covering for a PA who is away: their caseload and each young person's shared items, read-only, only during the
// cover's dates (the server answers 404 outside them). Every page opened here is in the audit log.
import type { ParseKeys } from 'i18next';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import type { CaseloadEntry } from '../shared/sharing/caseload.ts';
import { itemTime } from '../shared/sharing/caseload.ts';
import type { Cover } from '../shared/sharing/schemas.ts';
import { paFetch, PaHttpError } from './api.ts';
import { Card } from './CaseloadPage.tsx';
import { formatDay, formatWhen } from './i18n.ts';
import { usePolling } from './live.tsx';
import { PageHeading } from './page.tsx';
import { ItemBody } from './person/ItemBody.tsx';
import { NewestFirst } from './person/NewestFirst.tsx';
import { ThreadList, threadOf } from './person/Thread.tsx';
import type { PersonView } from './PersonPage.tsx';

/** "You are covering for …" links, on the caseload page; nothing when not covering. */
export function CoveringLinks() {
  const { t, i18n } = useTranslation();
  const [covering, setCovering] = useState<Cover[]>([]);
  useEffect(() => {
    paFetch<{ covering: Cover[] }>('GET', '/pa/covering').then((r) => setCovering(r.covering ?? []), () => undefined);
  }, []);
  if (covering.length === 0) return null;
  return (
    <ul className="pa-covering">
      {covering.map((c) => (
        <li key={c.id}><Link to={`/covering/${c.id}`}>{t('pa.cover.link', { name: c.paName, until: formatDay(`${c.to}T12:00:00Z`, i18n.language) })}</Link></li>
      ))}
    </ul>
  );
}

function useCovered<T>(path: string) {
  const { t } = useTranslation();
  const [data, setData] = useState<T | null>(null);
  const [state, setState] = useState<'' | 'gone' | 'error'>('');
  const load = useCallback(async () => {
    try {
      setData(await paFetch<T>('GET', path));
      setState('');
    } catch (e) {
      if (e instanceof PaHttpError && e.status === 404) { setData(null); setState('gone'); }
      else if (!(e instanceof PaHttpError && e.status === 401)) setState('error');
    }
  }, [path]);
  usePolling(load, 15_000);
  const problem = state === 'gone' ? <><PageHeading title={t('pa.cover.goneTitle')} /><p>{t('pa.cover.gone')}</p></>
    : state === 'error' ? <p role="alert" className="pa-error">{t('pa.errors.server')}</p> : null;
  return { data, problem };
}

export function CoverCaseloadPage() {
  const { t, i18n } = useTranslation();
  const { coverId = '' } = useParams();
  const { data, problem } = useCovered<{ cover: Cover; caseload: CaseloadEntry[] }>(`/pa/covering/${encodeURIComponent(coverId)}/caseload`);
  return (
    <>
      <p><Link to="/" className="pa-back">{t('pa.person.back')}</Link></p>
      {problem}
      {data && (
        <>
          <PageHeading title={t('pa.cover.title', { name: data.cover.paName })} />
          <p>{t('pa.cover.explain', { until: formatDay(`${data.cover.to}T12:00:00Z`, i18n.language) })}</p>
          {data.caseload.length === 0 && <p>{t('pa.cover.empty')}</p>}
          <ul className="pa-caseload" aria-label={t('pa.caseload.listLabel')}>
            {data.caseload.map((entry) => <Card key={entry.personId} entry={entry} linkTo={`/covering/${coverId}/people/${entry.personId}`} />)}
          </ul>
        </>
      )}
    </>
  );
}

export function CoverPersonPage() {
  const { t, i18n } = useTranslation();
  const { coverId = '', personId = '' } = useParams();
  const { data, problem } = useCovered<PersonView & { cover: Cover }>(`/pa/covering/${encodeURIComponent(coverId)}/people/${encodeURIComponent(personId)}`);
  const name = data ? data.person.name || t('pa.caseload.noName', { when: formatWhen(data.person.connectedAt, i18n.language) }) : '';
  return (
    <>
      <p><Link to={`/covering/${coverId}`} className="pa-back">{t('pa.cover.back')}</Link></p>
      {problem}
      {data && (
        <>
          <PageHeading title={t('pa.person.title', { name })}><span dir="auto">{t('pa.person.title', { name })}</span></PageHeading>
          <p>{t('pa.cover.readOnly', { name: data.cover.paName })}</p>
          {data.shares.length === 0 ? <p>{t('pa.person.noShares')}</p> : (
            <NewestFirst cards={[...data.shares].reverse()} label={t('pa.person.sharedTitle')}>
              {(item) => (
                <li key={item.id} className="pa-card">
                  <p className="pa-muted">{formatWhen(itemTime(item), i18n.language)} · {t(`pa.person.kinds.${item.kind}` as ParseKeys)}</p>
                  <ItemBody item={item} />
                  {item.seenAt && <p className="pa-muted">{t('pa.person.seenAt', { when: formatWhen(item.seenAt, i18n.language) })}</p>}
                  <ThreadList messages={threadOf([item])} name={name} />
                </li>
              )}
            </NewestFirst>
          )}
        </>
      )}
    </>
  );
}
