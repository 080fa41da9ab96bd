import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function NotFound() {
  const { t } = useTranslation();
  return (
    <>
      <h1>{t('app.notFoundTitle')}</h1>
      <p>
        <Link to="/">{t('app.notFoundBack')}</Link>
      </p>
    </>
  );
}
