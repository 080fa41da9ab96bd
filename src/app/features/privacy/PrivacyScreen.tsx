// Privacy in plain words (reading age about 9): what is kept where, who sees what, how long, how to get or delete it.
// Each fact here is how the app works today (README "Privacy"): phone first, a backup under a random code with no
// name on it, the PA sees only what is shared, managers only totals over at least 10 people, no location sent.
import { useTranslation } from 'react-i18next';

export default function PrivacyScreen() {
  const { t } = useTranslation();
  return (
    <div className="privacy">
      <h1>{t('privacy.title')}</h1>
      <section aria-labelledby="privacy-where">
        <h2 id="privacy-where">{t('privacy.whereTitle')}</h2>
        <p>{t('privacy.where')}</p>
      </section>
      <section aria-labelledby="privacy-who">
        <h2 id="privacy-who">{t('privacy.whoTitle')}</h2>
        <p>{t('privacy.who')}</p>
        <p>{t('privacy.location')}</p>
      </section>
      <section aria-labelledby="privacy-keep">
        <h2 id="privacy-keep">{t('privacy.keepTitle')}</h2>
        <p>{t('privacy.keep')}</p>
      </section>
    </div>
  );
}
