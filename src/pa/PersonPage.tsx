// One young person's page: only what they shared, newest first (a run of the same request is one card with a
// count), each with its short thread; a trend chart, the contact log, the connection (label, remove) and CSV export.
// Kept up to date while open. Each part is its own section, so more can slot in (e.g. their plan's goals).
import type { ParseKeys } from 'i18next';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';

import { withLtr } from '../app/i18n/bidi.tsx';
import { itemTime } from '../shared/sharing/caseload.ts';
import type { ContactEntry, SharedContact, SharedItem } from '../shared/sharing/schemas.ts';
import { paFetch, PaHttpError } from './api.ts';
import { formatWhen } from './i18n.ts';
import { usePolling } from './live.tsx';
import { PageHeading } from './page.tsx';
import { Connection } from './person/Connection.tsx';
import { ContactLog } from './person/ContactLog.tsx';
import { groupRepeats, type ItemGroup } from './person/grouping.ts';
import { ItemBody } from './person/ItemBody.tsx';
import { NewestFirst } from './person/NewestFirst.tsx';
import { MessageForm, ThreadList, threadOf } from './person/Thread.tsx';
import { SeenForm } from './SeenForm.tsx';
import { SharedGoals } from './SharedGoals.tsx';
import { TrendChart } from './TrendChart.tsx';

export type PersonView = { person: { id: string; name: string; label?: string | null; connectedAt: string; contact?: SharedContact | null }; shares: SharedItem[]; contacts?: ContactEntry[] };

function ItemCard({ group, personId, name, onChanged }: { group: ItemGroup; personId: string; name: string; onChanged: (status: string) => void }) {
  const { t, i18n } = useTranslation();
  const newest = group.at(-1)!;
  const unseen = group.filter((i) => !i.seenAt);
  const when = formatWhen(itemTime(newest), i18n.language);
  // Names every control on this card apart from the same control on the others.
  const about = t('pa.person.itemOf', { name, kind: t(`pa.person.kinds.${newest.kind}` as ParseKeys), when });
  const messages = threadOf(group);
  const hasUnreadAnswer = messages.some((m) => m.author === 'young-person' && !m.seenAt);
  return (
    <li className="pa-card">
      <p className="pa-muted">{when}</p>
      <ItemBody item={newest} />
      {group.length > 1 && (
        <p className="pa-repeat">{t('pa.person.repeated', { count: group.length, from: formatWhen(itemTime(group[0]), i18n.language), to: when })}</p>
      )}
      {!unseen.length && newest.seenAt && <p className="pa-muted">{t('pa.person.seenAt', { when: formatWhen(newest.seenAt, i18n.language) })}</p>}
      <ThreadList messages={messages} name={name} />
      {unseen.length > 0 || hasUnreadAnswer ? (
        unseen.length > 0
          ? <SeenForm shareIds={unseen.map((i) => i.id)} personId={personId} about={about} onSeen={() => onChanged(t('pa.person.saved'))} />
          : <MessageForm shareId={newest.id} about={about} onSent={() => onChanged(t('pa.thread.sent'))} />
      ) : (
        <MessageForm shareId={newest.id} about={about} onSent={() => onChanged(t('pa.thread.sent'))} />
      )}
    </li>
  );
}

/** A card still waiting for the PA: not seen yet, or an answer in its thread not read yet. */
const waitingForPa = (group: ItemGroup) => group.some((i) => !i.seenAt) || threadOf(group).some((m) => m.author === 'young-person' && !m.seenAt);

/**
 * Everything shared except goals, newest first; a run of the same request is one card.
 * @internal exported for its tests (knip --production)
 */
export function SharedItems({ shares, personId, name, onChanged }: { shares: SharedItem[]; personId: string; name: string; onChanged: (status: string) => void }) {
  const groups = groupRepeats(shares.filter((i) => i.kind !== 'goal')).reverse();
  return (
    <NewestFirst cards={groups} waiting={waitingForPa}>
      {(group) => <ItemCard key={group[0].id} group={group} personId={personId} name={name} onChanged={onChanged} />}
    </NewestFirst>
  );
}

export function PersonPage() {
  const { t, i18n } = useTranslation();
  const { personId = '' } = useParams();
  const [view, setView] = useState<PersonView | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [gone, setGone] = useState(false);

  const load = useCallback(async () => {
    try {
      setView(await paFetch<PersonView>('GET', `/pa/people/${encodeURIComponent(personId)}`));
      setError('');
    } catch (e) {
      if (e instanceof PaHttpError && e.status === 404) setGone(true);
      else if (!(e instanceof PaHttpError && e.status === 401)) setError(t('pa.errors.server'));
    }
  }, [personId, t]);
  usePolling(load);

  const name = view ? view.person.name || t('pa.caseload.noName', { when: formatWhen(view.person.connectedAt, i18n.language) }) : '';
  const anyUnseen = view?.shares.some((s) => !s.seenAt || s.thread?.some((m) => m.author === 'young-person' && !m.seenAt));
  const changed = (text: string) => { setStatus(text); void load(); };
  const markAll = () => void paFetch('POST', `/pa/people/${encodeURIComponent(personId)}/seen`, {}).then(() => changed(t('pa.person.allSeen')), () => setError(t('pa.errors.server')));

  return (
    <>
      <p><Link to="/" className="pa-back">{t('pa.person.back')}</Link></p>
      {error && <p role="alert" className="pa-error">{error}</p>}
      {gone && !view && (
        <>
          <PageHeading title={t('pa.person.goneTitle')} />
          <p>{t('pa.person.gone')}</p>
        </>
      )}
      {view && (
        <>
          {/* Their name, in whatever script they wrote it, isolated so it doesn't reorder the sentence around it. */}
          <PageHeading title={t('pa.person.title', { name })}>
            {withLtr((v) => t('pa.person.title', { name: v.name }), { name }, 'auto')}
          </PageHeading>
          {view.person.label && <p className="pa-muted">{t('pa.caseload.label')} <span dir="auto">{view.person.label}</span></p>}
          {view.person.contact && (
            <p>{t('pa.person.phone')} <a href={`tel:${view.person.contact.phone.replace(/[^+0-9]/g, '')}`} dir="ltr">{view.person.contact.phone}</a> · {t(`pa.person.prefers.${view.person.contact.prefer}`)}</p>
          )}
          <p role="status">{status}</p>
          <TrendChart shares={view.shares} />
          {/* Goals from their plan have their own section (SharedGoals); everything else is in time order here. */}
          <SharedGoals personId={personId} goals={view.shares.filter((i) => i.kind === 'goal')} onChange={changed} />
          <section aria-labelledby="shared-title" className="pa-section">
            <h2 id="shared-title">{t('pa.person.sharedTitle')}</h2>
            {anyUnseen && (
              <p><button type="button" className="pa-button pa-button-secondary" onClick={markAll}>{t('pa.person.markAllSeen', { name })}</button></p>
            )}
            {view.shares.length === 0 ? <p>{t('pa.person.noShares')}</p> : (
              <SharedItems shares={view.shares} personId={personId} name={name} onChanged={changed} />
            )}
          </section>
          <ContactLog personId={personId} name={name} contacts={view.contacts ?? []} onSaved={() => void load()} />
          <Connection personId={personId} name={name} label={view.person.label ?? null} onSaved={() => void load()} />
          <p><a className="pa-button pa-button-secondary" href={`/api/v1/pa/people/${encodeURIComponent(personId)}/export.csv`} download>{t('pa.person.export')}</a></p>
        </>
      )}
    </>
  );
}
