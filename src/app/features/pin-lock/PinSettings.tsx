// More → PIN lock: what a PIN protects against and what it does not, in plain words; turn it on, lock now, turn it off.
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { isAcceptablePin, lockNow, turnOffPin, turnOnPin } from '../../data/lock/pinLock.ts';
import { readPinLock } from '../../data/lock/start.ts';

import './pin-lock.css';

function TurnOn({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const ids = { pin: useId(), again: useId(), error: useId() };
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!isAcceptablePin(pin)) return setError(t('pin.settings.tooShort'));
    if (pin !== again) return setError(t('pin.settings.mismatch'));
    setError('');
    setBusy(true);
    try {
      await turnOnPin(pin);
      onDone();
    } catch {
      setError(t('pin.settings.failed'));
    }
    setBusy(false);
  }

  const digitsOnly = (value: string) => value.replace(/[^0-9]/g, '');
  return (
    <form className="pin-form" onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor={ids.pin}>{t('pin.settings.choose')}</label>
      <input id={ids.pin} type="password" inputMode="numeric" autoComplete="new-password" dir="ltr" maxLength={12} value={pin}
        onChange={(e) => setPin(digitsOnly(e.target.value))} aria-invalid={!!error} aria-describedby={error ? ids.error : undefined} />
      <label htmlFor={ids.again}>{t('pin.settings.repeat')}</label>
      <input id={ids.again} type="password" inputMode="numeric" autoComplete="new-password" dir="ltr" maxLength={12} value={again}
        onChange={(e) => setAgain(digitsOnly(e.target.value))} aria-invalid={!!error} aria-describedby={error ? ids.error : undefined} />
      <p id={ids.error} className="error-message" role="alert">{error}</p>
      <button type="submit" className="button" disabled={busy}>{t('pin.settings.turnOn')}</button>
      <p role="status">{busy ? t('pin.settings.turningOn') : ''}</p>
    </form>
  );
}

function TurnOff({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const ids = { pin: useId(), error: useId() };
  const [pin, setPin] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      if (await turnOffPin(pin)) onDone();
      else setError(t('pin.settings.wrong'));
    } catch {
      setError(t('pin.settings.failed'));
    }
    setPin('');
    setBusy(false);
  }

  return (
    <form className="pin-form" onSubmit={(e) => void submit(e)} noValidate>
      <label htmlFor={ids.pin}>{t('pin.settings.offLabel')}</label>
      <input id={ids.pin} type="password" inputMode="numeric" autoComplete="off" dir="ltr" maxLength={12} value={pin}
        onChange={(e) => setPin(e.target.value.replace(/[^0-9]/g, ''))} aria-invalid={!!error} aria-describedby={error ? ids.error : undefined} />
      <p id={ids.error} className="error-message" role="alert">{error}</p>
      <button type="submit" className="button button-secondary" disabled={busy || pin === ''}>{t('pin.settings.turnOff')}</button>
      <p role="status">{busy ? t('pin.settings.turningOff') : ''}</p>
    </form>
  );
}

export default function PinSettings() {
  const { t } = useTranslation();
  // undefined while reading; otherwise the minutes before the app locks in the background, or null with no PIN.
  const [lockAfter, setLockAfter] = useState<number | null | undefined>();
  const [changes, setChanges] = useState(0);
  useEffect(() => {
    void readPinLock().then((lock) => setLockAfter(lock ? Math.round(lock.lockAfterMs / 60_000) : null));
  }, [changes]);
  const changed = () => setChanges((n) => n + 1);

  return (
    <section className="card" id="pin-lock" aria-labelledby="settings-pin">
      <h2 id="settings-pin">{t('pin.settings.title')}</h2>
      <p>{t('pin.settings.what')}</p>
      <p>{t('pin.settings.protects')}</p>
      <p>{t('pin.settings.limits')}</p>
      <p>{t('pin.settings.forgot')}</p>
      {lockAfter === null && <TurnOn onDone={changed} />}
      {typeof lockAfter === 'number' && (
        <>
          <p className="status-message" role="status">{t('pin.settings.on', { minutes: lockAfter })}</p>
          <button type="button" className="button" onClick={() => void lockNow()}>{t('pin.settings.lockNow')}</button>
          <TurnOff onDone={changed} />
        </>
      )}
    </section>
  );
}
