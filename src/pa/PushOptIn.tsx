// Opt in to call alerts in this browser: "Someone on your caseload asked you to call", during working hours only.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { type PushState, pushStateFor, turnOffCallAlerts, turnOnCallAlerts } from './push.ts';

export function PushOptIn({ userId }: { userId: string }) {
  const { t, i18n } = useTranslation();
  const [state, setState] = useState<PushState | null>(null);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => { void pushStateFor(userId).then(setState); }, [userId]);

  async function change(on: boolean) {
    setBusy(true);
    setError('');
    try {
      if (on) setState(await turnOnCallAlerts(userId, i18n.language));
      else {
        await turnOffCallAlerts();
        setState('off');
      }
    } catch {
      setError(t('pa.push.failed'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="pa-section" aria-labelledby="call-alerts-heading">
      <h2 id="call-alerts-heading">{t('pa.push.heading')}</h2>
      <p>{t('pa.push.explain')}</p>
      {state === 'unsupported' && <p>{t('pa.push.unsupported')}</p>}
      {state === 'denied' && <p>{t('pa.push.denied')}</p>}
      {(state === 'on' || state === 'off') && (
        <>
          <p role="status">{t(state === 'on' ? 'pa.push.on' : 'pa.push.off')}</p>
          <button type="button" className="pa-button" disabled={busy} onClick={() => void change(state === 'off')}>
            {t(state === 'on' ? 'pa.push.turnOff' : 'pa.push.turnOn')}
          </button>
        </>
      )}
      {error && <p role="alert" className="pa-error">{error}</p>}
    </section>
  );
}
