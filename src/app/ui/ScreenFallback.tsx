// Shown for the moment a lazy screen takes to open: calm, and announced politely.
import { useTranslation } from 'react-i18next';

export function ScreenFallback() {
  const { t } = useTranslation();
  return (
    <p role="status" className="screen-fallback">
      {t('app.loading')}
    </p>
  );
}
