// What my council offers: pick a council and see which kinds of support its local offer listed in May 2022.
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { readPersonal, writePersonal } from '../../data/lock/sealedStorage.ts';
import table from './council/la-wellbeing-offers-2022.tsv?raw';
import { OFFER_KINDS, parseCouncilOffers } from './council/offers.ts';

const COUNCIL_KEY = 'directory.council';

export default function CouncilScreen() {
  const { t } = useTranslation();
  const id = useId();
  const councils = useMemo(() => parseCouncilOffers(table), []);
  const [chosen, setChosen] = useState(() => {
    try { return readPersonal('local', COUNCIL_KEY) ?? ''; } catch { return ''; }
  });
  const choose = (council: string) => {
    setChosen(council);
    try { writePersonal('local', COUNCIL_KEY, council); } catch { /* remembered for this visit only */ }
  };
  const offer = councils.find((c) => c.council === chosen);

  return (
    <div className="directory">
      <h1>{t('directory.council.title')}</h1>
      <label htmlFor={id}>{t('directory.council.choose')}</label>
      <select id={id} className="text-input dir-input" value={chosen} onChange={(e) => choose(e.target.value)}>
        <option value="">{t('directory.council.placeholder')}</option>
        {councils.map((c) => <option key={c.council} value={c.council} lang="en" dir="auto">{c.council}</option>)}
      </select>
      <p className="dir-dated">{t('directory.council.dated')}</p>
      {offer && (
        <section aria-labelledby={`${id}-name`}>
          <h2 id={`${id}-name`}><bdi lang="en">{offer.council}</bdi></h2>
          {offer.rows.map((row) => (
            <div key={row.listedAs}>
              {row.listedAs !== offer.council && (
                <p className="dir-hint">{t('directory.council.listedAs', { name: row.listedAs })}</p>
              )}
              <ul className="council-offers">
                {OFFER_KINDS.map((kind) => (
                  <li key={kind} className={row.offers[kind] ? 'council-offer council-offer--yes' : 'council-offer'}>
                    <span className="council-offer__mark" aria-hidden="true">{row.offers[kind] ? '✓' : '–'}</span>
                    <span>
                      {t(`directory.council.kinds.${kind}`)}
                      <span className="council-offer__status">{row.offers[kind] ? t('directory.council.listed') : t('directory.council.notListed')}</span>
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </section>
      )}
    </div>
  );
}
