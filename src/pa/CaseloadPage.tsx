// The caseload, most in need first (src/shared/sharing/caseload.ts scores it), each with the reasons why; then who
// stopped using the app (when only).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseloadEntry } from '../shared/sharing/caseload.ts';
import { paFetch } from './api.ts';
import { formatWhen } from './i18n.ts';
import { languageOf } from '../shared/languages.ts';

export function CaseloadPage() {
  const { t, i18n } = useTranslation();
  const [caseload, setCaseload] = useState<CaseloadEntry[] | null>(null);
  const [error, setError] = useState('');
  // Young people who deleted their data everywhere: only when, never who (server/routes/delete-my-data.ts).
  const [stopped, setStopped] = useState<{ stoppedAt: string }[]>([]);

  useEffect(() => {
    paFetch<{ caseload: CaseloadEntry[] }>('GET', '/pa/caseload').then((r) => setCaseload(r.caseload), () => setError(t('pa.errors.server')));
    paFetch<{ stopped: { stoppedAt: string }[] }>('GET', '/pa/stopped-using').then((r) => setStopped(r.stopped), () => setError(t('pa.errors.server')));
  }, [t]);

  return (
    <>
      <h1>{t('pa.caseload.title')}</h1>
      {error && <p role="alert" className="pa-error">{error}</p>}
      {caseload?.length === 0 && <p>{t('pa.caseload.empty')}</p>}
      <ul className="pa-caseload">
        {caseload?.map((entry) => (
          <li key={entry.personId} className="pa-card">
            <h2 className="pa-card-title">
              <Link to={`/people/${entry.personId}`}><span dir="auto">{entry.name || t('pa.caseload.noName', { when: formatWhen(entry.connectedAt, i18n.language) })}</span></Link>
              {entry.unseen > 0 && <span className="pa-badge">{t('pa.caseload.newBadge', { count: entry.unseen })}</span>}
            </h2>
            {entry.reasons.length > 0 && (
              <ul className="pa-flags" aria-label={t('pa.caseload.reasonsLabel')}>
                {entry.reasons.map((reason) => (
                  <li key={reason} className={entry.reasons[0] === reason && reason !== 'unseen' ? 'pa-flag pa-flag-urgent' : 'pa-flag'}>{t(`pa.caseload.reasons.${reason}`)}</li>
                ))}
              </ul>
            )}
            <p className="pa-muted">
              {entry.language && languageOf(entry.language) && (
                <>{t('pa.language.card', { language: languageOf(entry.language)!.englishName })} (<span lang={entry.language} dir={languageOf(entry.language)!.dir}>{languageOf(entry.language)!.nativeName}</span>) · </>
              )}
              {entry.lastSharedAt ? t('pa.caseload.lastShared', { when: formatWhen(entry.lastSharedAt, i18n.language) }) : t('pa.caseload.nothingShared')}
            </p>
          </li>
        ))}
      </ul>
      {stopped.map((entry, i) => (
        <p key={i} className="pa-muted">{t('pa.caseload.stoppedUsing', { when: formatWhen(entry.stoppedAt, i18n.language) })}</p>
      ))}
    </>
  );
}
