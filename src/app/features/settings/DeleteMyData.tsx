// "Delete my data": from this phone only, or everywhere (the server too). Two plain choices, then one clear
// confirmation whose "Cancel" weighs the same as "Yes": no pre-ticked boxes, no guilt, no hidden step. Once done the
// phone wipes itself like a signed-out phone (sync/signedOut.ts) and lists what was deleted (DeletedList.tsx).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { DeletedEverywhere } from '../../../shared/deleteMyData.ts';
import { callAsThisPhone } from '../../sync/callAsThisPhone.ts';
import { knownIdentity } from '../../sync/identity.ts';
import { forgetThisPhone } from '../../sync/signedOut.ts';
import { turnOffReminders } from '../appointments/push.ts';

type Choice = 'phone' | 'everywhere';

/** Stops this browser's push subscription, so no reminder reaches a phone that holds nothing. Never blocks the delete. */
async function stopNotifications(): Promise<void> {
  try {
    if (typeof navigator !== 'undefined' && 'serviceWorker' in navigator) await turnOffReminders();
  } catch {
    // No service worker or push here: nothing to stop.
  }
}

async function deleteMyData(choice: Choice): Promise<void> {
  if (choice === 'phone') {
    await stopNotifications();
    await forgetThisPhone({});
    return;
  }
  // A phone that never backed up has nothing on the server: everywhere is this phone.
  const known = await knownIdentity();
  let server: DeletedEverywhere = { records: 0, devices: 0, paConnection: false, shares: 0, recoveryCode: false, monitoring: false, reminders: 0 };
  await stopNotifications();
  if (known) server = (await callAsThisPhone<{ deleted: DeletedEverywhere }>('POST', '/my-data/delete', { everywhere: true }, 'if-known')).deleted;
  await forgetThisPhone({ server });
}

export function DeleteMyData() {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<Choice | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  async function confirm(chosen: Choice) {
    setBusy(true);
    setError('');
    try {
      await deleteMyData(chosen);
      // The app now shows the neutral screen with the list of what was deleted.
    } catch {
      setError(t('settings.deleteData.failed'));
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="settings-delete">
      <h2 id="settings-delete">{t('settings.deleteData.title')}</h2>
      {choice === null ? (
        <>
          <p>{t('settings.deleteData.phoneText')}</p>
          <button type="button" className="button button-secondary" onClick={() => setChoice('phone')}>{t('settings.deleteData.phone')}</button>
          <p>{t('settings.deleteData.everywhereText')}</p>
          <button type="button" className="button button-secondary" onClick={() => setChoice('everywhere')}>{t('settings.deleteData.everywhere')}</button>
        </>
      ) : (
        <div role="group" aria-labelledby="settings-delete-confirm">
          <p id="settings-delete-confirm"><strong>{t(choice === 'phone' ? 'settings.deleteData.confirmPhone' : 'settings.deleteData.confirmEverywhere')}</strong></p>
          <div className="settings-delete-buttons">
            <button type="button" className="button button-danger" disabled={busy} onClick={() => void confirm(choice)}>{t('settings.deleteData.yes')}</button>
            <button type="button" className="button button-secondary" disabled={busy} onClick={() => { setChoice(null); setError(''); }}>{t('settings.deleteData.cancel')}</button>
          </div>
          {busy && <p role="status">{t('settings.deleteData.deleting')}</p>}
        </div>
      )}
      {error && <p role="alert">{error}</p>}
    </section>
  );
}
