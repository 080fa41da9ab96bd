// Says plainly when this browser won't let us keep data on the phone (we carry on in memory).
import { useTranslation } from 'react-i18next';

export function StorageBanner() {
  const { t } = useTranslation();
  return (
    <p className="storage-banner" role="note">
      {t('app.storageMemory')}
    </p>
  );
}
