// One young person's page: only what they shared, in time order, with a trend chart, seen + reply and CSV export.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { SharedItem } from '../shared/sharing/schemas.ts';
import { withLtr } from '../app/i18n/bidi.tsx';
import { paFetch } from './api.ts';
import { formatWhen } from './i18n.ts';
import { SeenForm } from './SeenForm.tsx';
import { TrendChart } from './TrendChart.tsx';
import { SharedGoals } from './SharedGoals.tsx';
import type { ParseKeys } from 'i18next';

type PersonView = { person: { id: string; name: string; connectedAt: string }; shares: SharedItem[] };
const ONS4 = ['life', 'worthwhile', 'happy', 'anxious'] as const;

function ItemBody({ item }: { item: SharedItem }) {
  const { t, i18n } = useTranslation();
  const d = item.data;
  const list = (v: unknown, words: string) => (Array.isArray(v) ? v.map((k) => t(`checkin.${words}.${String(k)}` as ParseKeys)).join(', ') : '');
  if (item.kind === 'request') {
    const appointment = d.appointment as { title?: unknown; startsAt?: unknown } | undefined;
    const travel = Array.isArray(d.travelHelp) ? d.travelHelp.map((k) => t(`sharing.appointment.travel.${String(k)}` as ParseKeys)).join(i18n.language === 'ar' ? '، ' : ', ') : '';
    return (
      <>
        <p className="pa-item-title">{t(`sharing.requests.${String(d.request)}` as ParseKeys)}{d.about ? <> · <span dir="auto">{String(d.about)}</span></> : null}</p>
        {appointment && typeof appointment.startsAt === 'string' && (
          <p>{t('sharing.appointment.about')} <bdi>{String(appointment.title)}</bdi>{i18n.language === 'ar' ? '، ' : ', '}{formatWhen(appointment.startsAt, i18n.language)}</p>
        )}
        {travel && <p>{t('sharing.appointment.travelAsked', { list: travel })}</p>}
      </>
    );
  }
  if (item.kind === 'ons4') {
    return (
      <dl className="pa-ons4">
        {ONS4.map((k) => <div key={k}><dt>{t(`pa.person.ons4.${k}`)}</dt><dd>{String(d[k])} / 10</dd></div>)}
      </dl>
    );
  }
  return (
    <>
      <p className="pa-item-title">{t('pa.person.mood', { mood: t(`sharing.moods.${String(d.mood)}` as ParseKeys) })}</p>
      {list(d.feelings, 'feelings') && <p>{t('pa.person.feelings')} {list(d.feelings, 'feelings')}</p>}
      {list(d.hard, 'areas') && <p>{t('pa.person.hard')} {list(d.hard, 'areas')}</p>}
      {list(d.good, 'areas') && <p>{t('pa.person.good')} {list(d.good, 'areas')}</p>}
      {d.note ? <p>{t('pa.person.note')} <span dir="auto">{String(d.note)}</span></p> : null}
    </>
  );
}

export function PersonPage() {
  const { t, i18n } = useTranslation();
  const { personId = '' } = useParams();
  const [view, setView] = useState<PersonView | null>(null);
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');

  const load = useCallback(() => {
    paFetch<PersonView>('GET', `/pa/people/${encodeURIComponent(personId)}`).then(setView, () => setError(t('pa.errors.server')));
  }, [personId, t]);
  useEffect(load, [load]);

  return (
    <>
      <p><Link to="/" className="pa-back">{t('pa.person.back')}</Link></p>
      {error && <p role="alert" className="pa-error">{error}</p>}
      {view && (
        <>
          {/* Their name, in whatever script they wrote it, isolated so it doesn't reorder the sentence around it. */}
          <h1>{withLtr((v) => t('pa.person.title', { name: v.name }), { name: view.person.name || t('pa.caseload.noName', { when: formatWhen(view.person.connectedAt, i18n.language) }) }, 'auto')}</h1>
          <p role="status">{status}</p>
          <TrendChart shares={view.shares} />
          {/* Goals from their plan have their own section (SharedGoals); everything else is in time order here. */}
          <SharedGoals personId={personId} goals={view.shares.filter((i) => i.kind === 'goal')} onChange={(s) => { setStatus(s); load(); }} />
          {view.shares.length === 0 ? <p>{t('pa.person.noShares')}</p> : (
            <ol className="pa-items">
              {view.shares.filter((i) => i.kind !== 'goal').map((item) => (
                <li key={item.id} className="pa-card">
                  <p className="pa-muted">{formatWhen(String(item.data.at ?? item.sharedAt), i18n.language)}</p>
                  <ItemBody item={item} />
                  {item.seenAt ? (
                    <p className="pa-muted">
                      {t('pa.person.seenAt', { when: formatWhen(item.seenAt, i18n.language) })}
                      {item.reply && <> · {t('pa.person.yourReply')} <span dir="auto">{item.reply}</span></>}
                    </p>
                  ) : (
                    <SeenForm shareId={item.id} onSeen={() => { setStatus(t('pa.person.saved')); load(); }} />
                  )}
                </li>
              ))}
            </ol>
          )}
          <p><a className="pa-button pa-button-secondary" href={`/api/v1/pa/people/${encodeURIComponent(personId)}/export.csv`} download>{t('pa.person.export')}</a></p>
        </>
      )}
    </>
  );
}
