// After a check-in, once: a gentle offer of a PIN (never forced). "Not now" means not again on this phone.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { lockState } from '../../data/lock/lockState.ts';

const OFFERED = 'pin.offered';

function alreadyOffered(): boolean {
  try {
    return localStorage.getItem(OFFERED) === 'yes';
  } catch {
    return true;
  }
}

export default function PinOffer() {
  const { t } = useTranslation();
  const [hidden, setHidden] = useState(() => alreadyOffered() || lockState().mode !== 'off');
  if (hidden) return null;
  const dismiss = () => {
    try { localStorage.setItem(OFFERED, 'yes'); } catch { /* offered again next time */ }
    setHidden(true);
  };
  return (
    <section className="card" aria-labelledby="pin-offer-text">
      <p id="pin-offer-text">{t('pin.offer.text')}</p>
      <div className="button-row">
        <Link to="/settings#pin-lock" className="button" onClick={dismiss}>{t('pin.offer.set')}</Link>
        <button type="button" className="button button-secondary" onClick={dismiss}>{t('pin.offer.notNow')}</button>
      </div>
    </section>
  );
}
