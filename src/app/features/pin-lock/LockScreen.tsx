// The lock screen: shown instead of every personal screen while the PIN is on and the phone is locked. Help now and
// Exit stay above it. Wrong PINs make the next try wait (kept across reloads); after many, it offers the backup.
import { type FormEvent, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

import { ATTEMPTS_BEFORE_RESTORE, forgetLockedData, readAttempts, unlock } from '../../data/lock/pinLock.ts';
import { OfflineError } from '../../sync/api.ts';
import { identityForRecoveryCode, switchToRestoredIdentity } from '../sharing/restore.ts';

import './pin-lock.css';

const secondsLeft = (until: string | undefined, now: number) => (until ? Math.max(0, Math.ceil((Date.parse(until) - now) / 1000)) : 0);
const asClock = (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

/** Ticks once a second while a wait runs, so the countdown and the button follow it. */
function useNow(running: boolean): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  return now;
}

function RestoreFromBackup({ tooMany }: { tooMany: boolean }) {
  const { t } = useTranslation();
  const ids = { code: useId(), error: useId() };
  const navigate = useNavigate();
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  async function restore(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError('');
    try {
      // The code is checked first: a wrong one must not empty the phone.
      const identity = await identityForRecoveryCode(code);
      await forgetLockedData(identity);
      await switchToRestoredIdentity(identity);
      void navigate('/', { replace: true });
    } catch (e) {
      setError(t(e instanceof OfflineError ? 'pin.lock.offline' : 'pin.lock.restoreRejected'));
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="pin-restore-title">
      <h2 id="pin-restore-title">{t('pin.lock.restoreTitle')}</h2>
      {tooMany && <p>{t('pin.lock.tooMany')}</p>}
      <p>{t('pin.lock.restoreText')}</p>
      <form className="pin-form pin-code" onSubmit={(e) => void restore(e)} noValidate>
        <label htmlFor={ids.code}>{t('pin.lock.codeLabel')}</label>
        <input id={ids.code} dir="ltr" value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" spellCheck={false}
          aria-invalid={!!error} aria-describedby={error ? ids.error : undefined} />
        {error && <p id={ids.error} className="error-message" role="alert">{error}</p>}
        <button type="submit" className="button button-secondary" disabled={busy || code.trim() === ''}>{t('pin.lock.restore')}</button>
        <p role="status">{busy ? t('pin.lock.restoring') : ''}</p>
      </form>
    </section>
  );
}

export default function LockScreen() {
  const { t } = useTranslation();
  const ids = { pin: useId(), error: useId() };
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [wrong, setWrong] = useState(false);
  const [waitUntil, setWaitUntil] = useState<string | undefined>();
  const [tooMany, setTooMany] = useState(false);
  const [forgot, setForgot] = useState(false);
  const now = useNow(waitUntil !== undefined);
  const wait = secondsLeft(waitUntil, now);

  // A wait or a run of wrong PINs from before a reload still holds.
  useEffect(() => {
    void readAttempts().then((attempts) => {
      setTooMany(attempts.failed >= ATTEMPTS_BEFORE_RESTORE);
      if (attempts.waitUntil && Date.parse(attempts.waitUntil) > Date.now()) setWaitUntil(attempts.waitUntil);
    });
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy || wait > 0 || pin === '') return;
    setBusy(true);
    setWrong(false);
    // Let "Unlocking…" paint before the PIN is stretched (about a second on a slow phone).
    await new Promise((resolve) => setTimeout(resolve, 0));
    const outcome = await unlock(pin).catch(() => ({ result: 'wrong' as const, waitUntil: undefined }));
    setBusy(false);
    setPin('');
    if (outcome.result === 'unlocked') return;
    if (outcome.result === 'restore') setTooMany(true);
    else {
      setWrong(outcome.result === 'wrong');
      setWaitUntil(outcome.waitUntil);
    }
  }

  if (tooMany) {
    return (
      <div className="pin-lock">
        <h1>{t('pin.lock.title')}</h1>
        <RestoreFromBackup tooMany />
      </div>
    );
  }

  const errorText = wait > 0 ? t('pin.lock.wait', { time: asClock(wait) }) : wrong ? t('pin.lock.wrong') : '';
  return (
    <div className="pin-lock">
      <h1>{t('pin.lock.title')}</h1>
      <p>{t('pin.lock.intro')}</p>
      <form className="pin-form" onSubmit={(e) => void submit(e)} noValidate>
        <label htmlFor={ids.pin}>{t('pin.lock.label')}</label>
        <input id={ids.pin} type="password" inputMode="numeric" autoComplete="off" dir="ltr" maxLength={12} value={pin}
          onChange={(e) => setPin(e.target.value.replace(/[^0-9]/g, ''))}
          aria-invalid={errorText !== ''} aria-describedby={errorText ? ids.error : undefined} />
        <p id={ids.error} className="error-message" role="alert">{errorText}</p>
        <button type="submit" className="button" disabled={busy || wait > 0}>{t('pin.lock.unlock')}</button>
        <p role="status">{busy ? t('pin.lock.unlocking') : ''}</p>
      </form>
      {forgot ? <RestoreFromBackup tooMany={false} /> : (
        <button type="button" className="link-button link-target" onClick={() => setForgot(true)}>{t('pin.lock.forgot')}</button>
      )}
    </div>
  );
}
