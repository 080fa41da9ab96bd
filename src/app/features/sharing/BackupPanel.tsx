// Lost phone: a recovery code shown once (to write down or copy), restoring on a new phone, and my devices.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ApiError, OfflineError } from '../../sync/api.ts';
import { callAsThisPhone } from '../../sync/callAsThisPhone.ts';
import { MyDevices } from '../my-data/MyDevices.tsx';
import { identityForRecoveryCode, switchToRestoredIdentity } from './restore.ts';

// Every synced kind (src/shared/sync.ts) and the PA link come back; these lists must change when those do.
const COMES_BACK = ['comesBack1', 'comesBack2', 'comesBack3', 'comesBack4', 'comesBack5', 'comesBack7', 'comesBack6'] as const;
const STAYS_BEHIND = ['staysBehind1', 'staysBehind2'] as const;

export function BackupPanel() {
  const { t } = useTranslation();
  const ids = { code: useId(), error: useId() };
  const [recoveryCode, setRecoveryCode] = useState<string | null>(null);
  const [copied, setCopied] = useState('');
  // Bumped after a restore, so the phone list is fetched again under the restored identity.
  const [restores, setRestores] = useState(0);
  const [restoreCode, setRestoreCode] = useState('');
  const [message, setMessage] = useState('');
  const [restoreError, setRestoreError] = useState('');

  async function makeCode() {
    try {
      setRecoveryCode((await callAsThisPhone<{ code: string }>('POST', '/recovery-code')).code);
    } catch (e) {
      setMessage(e instanceof OfflineError ? t('sharing.errors.offline') : t('sharing.errors.server'));
    }
  }

  async function copy() {
    if (!recoveryCode) return;
    try {
      await navigator.clipboard.writeText(recoveryCode);
      setCopied(t('sharing.backup.copied'));
    } catch {
      setCopied(t('sharing.backup.copyFailed'));
    }
  }

  async function restore(event: FormEvent) {
    event.preventDefault();
    setRestoreError('');
    try {
      const identity = await identityForRecoveryCode(restoreCode);
      await switchToRestoredIdentity(identity);
      setRestoreCode('');
      setMessage(t('sharing.backup.restored'));
      setRestores((n) => n + 1);
    } catch (e) {
      if (e instanceof OfflineError) setRestoreError(t('sharing.errors.offline'));
      else if (e instanceof ApiError && e.status === 429) setRestoreError(t('sharing.connect.tooManyTries'));
      else setRestoreError(t('sharing.backup.restoreRejected'));
    }
  }

  return (
    <section aria-labelledby="backup-title">
      <h2 id="backup-title">{t('sharing.backup.title')}</h2>
      <p>{t('sharing.backup.intro')}</p>
      {recoveryCode ? (
        <div className="card">
          <p>{t('sharing.backup.shownOnce')}</p>
          <p className="sharing-recovery-code" dir="ltr" translate="no">{recoveryCode}</p>
          <button type="button" className="button button-secondary" onClick={() => void copy()}>{t('sharing.backup.copy')}</button>
          <p role="status">{copied}</p>
        </div>
      ) : (
        <button type="button" className="button" onClick={() => void makeCode()}>{t('sharing.backup.make')}</button>
      )}
      <p role="status">{message}</p>

      <h3>{t('sharing.backup.restoreTitle')}</h3>
      <form onSubmit={(e) => void restore(e)} noValidate className="sharing-form">
        <label htmlFor={ids.code}>{t('sharing.backup.restoreLabel')}</label>
        <input id={ids.code} dir="ltr" value={restoreCode} onChange={(e) => setRestoreCode(e.target.value)} autoComplete="off" spellCheck={false}
          aria-invalid={!!restoreError} aria-describedby={restoreError ? ids.error : undefined} />
        {restoreError && <p id={ids.error} className="sharing-error" role="alert">{restoreError}</p>}
        <p className="muted">{t('sharing.backup.restoreWarning')}</p>
        {/* Exactly what a restore brings back, and what the person sets up again: no "everything" that isn't. */}
        <h4>{t('sharing.backup.comesBackTitle')}</h4>
        <ul>{COMES_BACK.map((key) => <li key={key}>{t(`sharing.backup.${key}`)}</li>)}</ul>
        <h4>{t('sharing.backup.staysBehindTitle')}</h4>
        <ul>{STAYS_BEHIND.map((key) => <li key={key}>{t(`sharing.backup.${key}`)}</li>)}</ul>
        <button type="submit" className="button button-secondary">{t('sharing.backup.restore')}</button>
      </form>

      <MyDevices key={restores} />
    </section>
  );
}
