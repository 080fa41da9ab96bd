// What "Delete my data" removed, listed on the neutral screen the phone shows once it has wiped itself.
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { db } from '../../data/db.ts';
import { type DeletedSummary } from '../../sync/signedOut.ts';
import { META } from '../../data/meta.ts';

/** The summary kept by forgetThisPhone, or null when the phone was signed out some other way. */
export function useDeletedSummary(): DeletedSummary | null | undefined {
  return useLiveQuery(async () => ((await db.meta.get(META.deletedMyData))?.value as DeletedSummary | undefined) ?? null, []);
}

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
