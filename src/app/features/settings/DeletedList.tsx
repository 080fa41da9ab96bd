// What "Delete my data" removed, listed on the neutral screen the phone shows once it has wiped itself.
import { useTranslation } from 'react-i18next';

import { type DeletedSummary } from '../../sync/signedOut.ts';

export function DeletedList({ summary }: { summary: DeletedSummary }) {
  const { t } = useTranslation();
  const server = summary.server;
  return (
    <>
      <p>{t('settings.deleteData.doneIntro')}</p>
      <ul>
        <li>{t('settings.deleteData.deleted.phone')}</li>
        {server && (
          <>
            <li>{t('settings.deleteData.deleted.backup', { count: server.records })}</li>
            <li>{t('settings.deleteData.deleted.devices', { count: server.devices })}</li>
            {server.paConnection && <li>{t('settings.deleteData.deleted.pa', { count: server.shares })}</li>}
            {server.recoveryCode && <li>{t('settings.deleteData.deleted.recoveryCode')}</li>}
            {server.monitoring && <li>{t('settings.deleteData.deleted.monitoring')}</li>}
            {server.reminders > 0 && <li>{t('settings.deleteData.deleted.reminders')}</li>}
          </>
        )}
      </ul>
      {!server && <p>{t('settings.deleteData.doneKeptOnServer')}</p>}
    </>
  );
}
