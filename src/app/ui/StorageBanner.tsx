// Says plainly when this browser won't let us keep anything on the phone.
import { useTranslation } from 'react-i18next';

export function StorageBanner() {
  const { t } = useTranslation();
  return (
    <p className="storage-banner" role="note">
      {t('app.storageUnavailable')}
    </p>
  );
}
