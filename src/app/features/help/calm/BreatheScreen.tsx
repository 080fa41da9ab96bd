// Calm down: paced breathing, in for 4 and out for 6. Works offline and asks for nothing. The circle grows and
// shrinks with the breath; with reduced motion it stays still and only the words change.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { ReadAloud } from './ReadAloud.tsx';

import './calm.css';

const IN_SECONDS = 4;
const OUT_SECONDS = 6;

export default function BreatheScreen() {
  const { t } = useTranslation();
  const [running, setRunning] = useState(false);
  const [phase, setPhase] = useState<'in' | 'out'>('in');
  useEffect(() => {
    if (!running) return;
    let current: 'in' | 'out' = 'in';
    let timer: ReturnType<typeof setTimeout>;
    const next = () => {
      timer = setTimeout(() => {
        current = current === 'in' ? 'out' : 'in';
        setPhase(current);
        next();
      }, (current === 'in' ? IN_SECONDS : OUT_SECONDS) * 1000);
    };
    next();
    return () => clearTimeout(timer);
  }, [running]);

  return (
    <div className="calm">
      <p><Link to="/help">{t('calm.back')}</Link></p>
      <h1>{t('calm.breathe.title')}</h1>
      <p>{t('calm.breathe.intro')}</p>
      <div className={`calm-breath${running ? ` calm-breath--running calm-breath--${phase}` : ''}`} aria-hidden="true">
        <div className="calm-breath__circle" />
      </div>
      {/* Not a live region: a voice saying "breathe in" every few seconds would get in the way. */}
      <p className="calm-breath__cue">{running ? t(phase === 'in' ? 'calm.breathe.in' : 'calm.breathe.out') : t('calm.breathe.ready')}</p>
      <p>
        <button type="button" className="button" onClick={() => {
          // Every start begins with breathing in (set here, not in the effect, so the circle never renders one stale phase).
          if (!running) setPhase('in');
          setRunning(!running);
        }}>
          {running ? t('calm.breathe.stop') : t('calm.breathe.start')}
        </button>
      </p>
      <ReadAloud text={[t('calm.breathe.intro'), t('calm.breathe.steps')].join(' ')} />
      <p className="calm__hint">{t('calm.breathe.steps')}</p>
      <p><Link to="/help/grounding">{t('calm.links.ground')}</Link></p>
    </div>
  );
}
