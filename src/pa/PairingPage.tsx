// Make a one-time code (valid 3 days) to give to a young person so they can connect.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { paFetch } from './api.ts';
import { formatWhen } from './i18n.ts';

export function PairingPage() {
  const { t, i18n } = useTranslation();
  const [made, setMade] = useState<{ code: string; expiresAt: string } | null>(null);
  const [error, setError] = useState('');
  const make = () => paFetch<{ code: string; expiresAt: string }>('POST', '/pa/pairing-codes').then(setMade, () => setError(t('pa.errors.server')));
  return (
    <>
      <h1>{t('pa.pairing.title')}</h1>
      <p>{t('pa.pairing.explain')}</p>
      <button type="button" className="pa-button" onClick={() => void make()}>{t('pa.pairing.make')}</button>
      <div role="status">
        {made && (
          <>
            <p className="pa-code" dir="ltr" translate="no">{t('pa.pairing.code', { code: made.code })}</p>
            <p>{t('pa.pairing.expires', { when: formatWhen(made.expiresAt, i18n.language) })}</p>
          </>
        )}
      </div>
      {error && <p role="alert" className="pa-error">{error}</p>}
    </>
  );
}
