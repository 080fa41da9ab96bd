// "Remind me on this phone": turns on notifications only when tapped, and explains plainly when they can't work.
import type { ParseKeys } from 'i18next';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { type PushStatus, pushStatus, turnOffReminders, turnOnReminders, type TurnOnResult } from './push.ts';

const MESSAGE: Record<TurnOnResult | PushStatus, string> = {
  on: 'appointments.push.on', off: 'appointments.push.off', denied: 'appointments.push.denied',
  unsupported: 'appointments.push.unsupported', 'iphone-needs-install': 'appointments.push.iphone',
  offline: 'appointments.push.offline', 'not-synced': 'appointments.push.notSynced', failed: 'appointments.push.failed',
};

export function RemindMe() {
  const { t, i18n } = useTranslation();
  const [status, setStatus] = useState<PushStatus | TurnOnResult | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => { void pushStatus().then(setStatus).catch(() => setStatus('unsupported')); }, []);

  async function turnOn() {
    setBusy(true);
    setStatus(await turnOnReminders({ comingUp: t('appointments.push.comingUp'), open: t('appointments.push.open') }, i18n.language));
    setBusy(false);
  }
  async function turnOff() {
    setBusy(true);
    await turnOffReminders().catch(() => undefined);
    setStatus('off');
    setBusy(false);
  }
  if (!status) return null;
  const canAsk = status === 'off' || status === 'failed' || status === 'offline' || status === 'not-synced';
  return (
    <section className="appt-card" aria-labelledby="appt-push-heading">
      <h2 id="appt-push-heading">{t('appointments.push.heading')}</h2>
      {canAsk && <p>{t('appointments.push.explain')}</p>}
      {status !== 'off' && <p role="status">{t(MESSAGE[status] as ParseKeys)}</p>}
      {canAsk && <button type="button" className="button" disabled={busy} onClick={turnOn}>{t('appointments.push.remindMe')}</button>}
      {status === 'on' && <button type="button" className="button button-secondary" disabled={busy} onClick={turnOff}>{t('appointments.push.turnOff')}</button>}
    </section>
  );
}
