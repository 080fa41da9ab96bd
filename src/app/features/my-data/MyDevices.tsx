// "Your phones": the phones backed up under this person, when each was last used (it syncs then), which one is
// this phone, and signing any other out. A signed-out phone is told so by the server on its next call and wipes
// itself (src/app/sync/signedOut.ts). Shown in More and on My PA's backup panel.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { formatDateTime } from '../../i18n/format.ts';
import { callAsThisPhone } from '../../sync/callAsThisPhone.ts';

type MyDevice = { id: string; createdAt: string; lastSeenAt: string; thisDevice: boolean };

export function MyDevices() {
  const { t } = useTranslation();
  const idPrefix = useId();
  const [devices, setDevices] = useState<MyDevice[] | null>(null);
  const [message, setMessage] = useState('');

  // A reply can come after the person has left More (a slow network, or a test's page already gone): it is dropped
  // then, rather than updating a screen that no longer exists.
  const shown = useRef(false);
  useEffect(() => {
    shown.current = true;
    void load();
    return () => {
      shown.current = false;
    };
  }, []);

  function load() {
    return callAsThisPhone<{ devices: MyDevice[] }>('GET', '/my-devices').then(
      (r) => shown.current && setDevices(r.devices),
      () => shown.current && setDevices(null),
    );
  }

  async function signOut(device: MyDevice) {
    // That phone keeps nothing afterwards, so anything on it not yet backed up is gone: asked first.
    if (!window.confirm(t('settings.myData.confirmSignOut'))) return;
    try {
      await callAsThisPhone('DELETE', `/my-devices/${device.id}`);
      if (!shown.current) return;
      setMessage(t('sharing.devices.signedOut'));
      void load();
    } catch {
      if (shown.current) setMessage(t('sharing.errors.server'));
    }
  }

  return (
    <>
      <h3>{t('sharing.devices.title')}</h3>
      {devices === null ? <p className="muted">{t('sharing.errors.offline')}</p> : (
        <ul className="card-list">
          {devices.map((d) => (
            <li key={d.id} className="card">
              <p>{d.thisDevice ? <strong>{t('sharing.devices.thisPhone')}</strong> : t('sharing.devices.otherPhone')}</p>
              <p className="muted" id={`${idPrefix}-${d.id}`}>{t('sharing.devices.lastSeen', { when: formatDateTime(d.lastSeenAt) })}</p>
              {!d.thisDevice && (
                // Several phones give several buttons of one name; each is described by its own "last used".
                <button type="button" className="button button-danger" aria-describedby={`${idPrefix}-${d.id}`} onClick={() => void signOut(d)}>
                  {t('sharing.devices.signOut')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <p role="status">{message}</p>
    </>
  );
}
