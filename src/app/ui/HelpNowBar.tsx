// Crisis help one tap from every screen; a plain link so it works offline with the precached Help screen.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

export function HelpNowBar() {
  const { t } = useTranslation();
  return (
    <div className="help-now-bar">
      <Link to="/help" className="help-now-link" aria-describedby="help-now-hint">
        <span aria-hidden="true" className="help-now-icon">!</span>
        {t('helpNow.link')}
      </Link>
      <span id="help-now-hint" className="visually-hidden">{t('helpNow.hint')}</span>
    </div>
  );
}
