// The answers shown back in ONS bands, in plain words; for anxiety, low is the good end.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import type { Ons4 } from '../../../shared/ons4.ts';
import { isFavourableBand, ONS4_ITEMS, ons4Band } from '../../../shared/ons4Bands.ts';
import { formatNumber } from '../../i18n/format.ts';

export function Ons4Results({ answers }: { answers: Ons4 }) {
  const { t } = useTranslation();
  const anyHard = ONS4_ITEMS.some((item) => !isFavourableBand(item, ons4Band(item, answers[item])) && ons4Band(item, answers[item]) !== 'medium');
  return (
    <section className="card" aria-labelledby="ons4-results-title">
      <h2 id="ons4-results-title">{t('ons4.results.title')}</h2>
      <ul className="ons4-results">
        {ONS4_ITEMS.map((item) => {
          const band = ons4Band(item, answers[item]);
          const good = isFavourableBand(item, band);
          return (
            <li key={item} className={good ? 'ons4-result ons4-result-good' : 'ons4-result'}>
              <span className="ons4-result-name">{t(`ons4.items.${item}.short`)}</span>
              <span className="ons4-result-score">{t('ons4.results.score', { score: formatNumber(answers[item]) })}</span>
              <span className="ons4-result-band">
                {t(`ons4.bands.${band}`)}
                {good && <> · {t('ons4.results.favourable')}</>}
              </span>
            </li>
          );
        })}
      </ul>
      <p className="muted">{t('ons4.results.anxietyNote')}</p>
      {anyHard && (
        <p>
          {t('ons4.results.notFavourable')} <Link to="/directory">{t('ons4.results.helpLink')}</Link>
        </p>
      )}
    </section>
  );
}
