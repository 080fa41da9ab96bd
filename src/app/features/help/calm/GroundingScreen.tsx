// Calm down: the 5-4-3-2-1 grounding exercise, noticing what is around you. Offline, asks for nothing (there is
// nothing to type or save: the noticing happens in your head).
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { ReadAloud } from './ReadAloud.tsx';

import './calm.css';

const SENSES = ['see', 'touch', 'hear', 'smell', 'taste'] as const;

export default function GroundingScreen() {
  const { t } = useTranslation();
  const steps = SENSES.map((sense) => t(`calm.ground.${sense}`));
  return (
    <div className="calm">
      <p><Link to="/help">{t('calm.back')}</Link></p>
      <h1>{t('calm.ground.title')}</h1>
      <p>{t('calm.ground.intro')}</p>
      <ol className="card-list calm-ground">
        {steps.map((step, i) => (
          <li key={SENSES[i]} className="card calm-ground__step">
            <span className="calm-ground__number" aria-hidden="true">{5 - i}</span>
            <span>{step}</span>
          </li>
        ))}
      </ol>
      <ReadAloud text={[t('calm.ground.intro'), ...steps, t('calm.ground.end')].join(' ')} />
      <p>{t('calm.ground.end')}</p>
      <p><Link to="/help/breathe">{t('calm.links.breathe')}</Link></p>
    </div>
  );
}
