// Make a one-time code (valid 3 days) to give to a young person so they can connect; see the codes not used yet
// (when made, until when) and cancel any that should not work any more. A code is shown only when made.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { paFetch } from './api.ts';
import { formatWhen } from './i18n.ts';
import { PageHeading } from './page.tsx';

type Outstanding = { id: string; createdAt: string; expiresAt: string };

export function PairingPage() {
  const { t, i18n } = useTranslation();
  const [made, setMade] = useState<{ code: string; expiresAt: string } | null>(null);
  const [codes, setCodes] = useState<Outstanding[]>([]);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const list = useCallback(() => paFetch<{ codes: Outstanding[] }>('GET', '/pa/pairing-codes').then((r) => setCodes(r.codes), () => setError(t('pa.errors.server'))), [t]);
  useEffect(() => { void list(); }, [list]);
  const make = () => paFetch<{ code: string; expiresAt: string }>('POST', '/pa/pairing-codes').then((r) => { setMade(r); setStatus(''); void list(); }, () => setError(t('pa.errors.server')));
  const cancel = (code: Outstanding) => paFetch('DELETE', `/pa/pairing-codes/${code.id}`).then(() => { setMade(null); setStatus(t('pa.pairing.cancelled')); void list(); }, () => setError(t('pa.errors.server')));
  return (
    <>
      <PageHeading title={t('pa.pairing.title')} />
      <p>{t('pa.pairing.explain')}</p>
      <button type="button" className="pa-button" onClick={() => void make()}>{t('pa.pairing.make')}</button>
      <div role="status">
        {made && (
          <>
            <p className="pa-code" dir="ltr" translate="no">{t('pa.pairing.code', { code: made.code })}</p>
            <p>{t('pa.pairing.expires', { when: formatWhen(made.expiresAt, i18n.language) })}</p>
          </>
        )}
        {status && <p>{status}</p>}
      </div>
      {error && <p role="alert" className="pa-error">{error}</p>}
      <section aria-labelledby="outstanding-title" className="pa-section">
        <h2 id="outstanding-title">{t('pa.pairing.outstandingTitle')}</h2>
        {codes.length === 0 ? <p className="pa-muted">{t('pa.pairing.noneOutstanding')}</p> : (
          <ul className="pa-codes">
            {codes.map((code) => {
              const when = formatWhen(code.createdAt, i18n.language);
              return (
                <li key={code.id} className="pa-card">
                  <p>{t('pa.pairing.outstanding', { made: when, until: formatWhen(code.expiresAt, i18n.language) })}</p>
                  <button type="button" className="pa-button pa-button-secondary" onClick={() => void cancel(code)} aria-label={`${t('pa.pairing.cancel')}${t('pa.pairing.cancelOf', { when })}`}>
                    {t('pa.pairing.cancel')}
                  </button>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}
