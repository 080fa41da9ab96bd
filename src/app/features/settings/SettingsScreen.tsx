// "More": language, backup status, installing the app, privacy in plain words, your data (save, bring back, delete),
// and where data comes from.
import { Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { formatDateTime } from '../../i18n/format.ts';
import { applyDocumentLanguage } from '../../i18n/index.ts';
import { LanguageList } from '../../i18n/LanguageList.tsx';
import { lazyWithWords } from '../../i18n/lazyWithWords.ts';
import { useSyncState } from '../../sync/status.ts';
import { syncNow } from '../../sync/syncClient.ts';
import { MyDataSection } from '../my-data/MyDataSection.tsx';
import { DeleteMyData } from './DeleteMyData.tsx';
import { isDiscreet, setDiscreet, tellWorker } from './discreet.ts';
import { dismissRefusedChange } from './mutations.ts';
import { useRefusedChanges } from './queries.ts';

import './settings.css';

// The PIN code (and its Argon2id library, later still) loads only when More is opened.
const PinSettings = lazyWithWords(() => import('../pin-lock/PinSettings.tsx'));

/** Discreet mode: a plain tab name and reminders that say only that word (see discreet.ts). */
function DiscreetSection() {
  const { t, i18n } = useTranslation();
  const [on, setOn] = useState(isDiscreet);
  return (
    <section className="card" aria-labelledby="settings-discreet">
      <h2 id="settings-discreet">{t('settings.discreet.title')}</h2>
      <p className="settings-discreet">
        <input
          id="settings-discreet-on"
          type="checkbox"
          checked={on}
          onChange={(event) => {
            const next = event.target.checked;
            setDiscreet(next);
            setOn(next);
            applyDocumentLanguage(i18n.language);
            if (!next) void tellWorker(null);
          }}
        />{' '}
        <label htmlFor="settings-discreet-on">{t('settings.discreet.label')}</label>
      </p>
    </section>
  );
}

function BackupSection() {
  const { t } = useTranslation();
  const state = useSyncState();
  const [busy, setBusy] = useState(false);
  return (
    <section className="card" aria-labelledby="settings-backup">
      <h2 id="settings-backup">{t('settings.backup.title')}</h2>
      {state && (
        <>
          <p className="settings-backup-state">
            <span aria-hidden="true" className={state.backedUp ? 'sync-dot sync-dot-done' : 'sync-dot'} />{' '}
            {t(state.backedUp ? 'sync.backedUp' : 'sync.savedOnPhone')}
          </p>
          <p>
            {state.lastSyncAt ? t('sync.lastBackup', { when: formatDateTime(state.lastSyncAt) }) : t('sync.neverBackedUp')}
          </p>
          {state.pending > 0 && <p>{t('settings.backup.pending', { count: state.pending })}</p>}
        </>
      )}
      <RefusedChanges />
      <button
        type="button"
        className="button button-secondary"
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          await syncNow();
          setBusy(false);
        }}
      >
        {t('settings.backup.syncNow')}
      </button>
    </section>
  );
}

/** Changes the server would not take: said plainly, still on this phone, and never holding up the rest. */
function RefusedChanges() {
  const { t } = useTranslation();
  const refused = useRefusedChanges();
  if (!refused?.length) return null;
  return (
    <ul className="settings-refused">
      {refused.map((change) => (
        <li key={change.n}>
          <p>
            {t('settings.backup.refused', {
              what: t(`settings.backup.kinds.${change.kind}`, { defaultValue: t('settings.backup.kinds.other') }),
              when: formatDateTime(change.clientTime),
            })}
          </p>
          <button type="button" className="button button-secondary" onClick={() => void dismissRefusedChange(change.n!)}>
            {t('settings.backup.refusedDismiss')}
          </button>
        </li>
      ))}
    </ul>
  );
}

export default function SettingsScreen() {
  const { t } = useTranslation();
  return (
    <div className="settings">
      <h1>{t('settings.title')}</h1>
      <section className="card" aria-labelledby="settings-language">
        <h2 id="settings-language">{t('settings.language')}</h2>
        <LanguageList />
      </section>
      <BackupSection />
      <Suspense fallback={null}><PinSettings /></Suspense>
      <section className="card" aria-labelledby="settings-plan">
        <h2 id="settings-plan">{t('plan.title')}</h2>
        <p>{t('plan.more')}</p>
        <p><Link to="/plan" className="link-target">{t('plan.link')}</Link></p>
      </section>
      <section className="card" aria-labelledby="settings-ons4">
        <h2 id="settings-ons4">{t('ons4.title')}</h2>
        <p><Link to="/ons4" className="link-target">{t('ons4.invite.start')}</Link></p>
      </section>
      <section className="card" aria-labelledby="settings-install">
        <h2 id="settings-install">{t('settings.install.title')}</h2>
        <p>{t('settings.install.text')}</p>
      </section>
      <section className="card" aria-labelledby="settings-privacy">
        <h2 id="settings-privacy">{t('settings.privacy.title')}</h2>
        <p>{t('settings.privacy.text')}</p>
        <p>{t('settings.privacy.noAccount')}</p>
        <p><Link to="/privacy" className="link-target">{t('privacy.title')}</Link></p>
      </section>
      <MyDataSection />
      <DeleteMyData />
      <DiscreetSection />
      <section className="card" aria-labelledby="settings-about">
        <h2 id="settings-about">{t('settings.about.title')}</h2>
        <p>{t('settings.about.ons')}</p>
        <p lang="en" dir="ltr">{t('settings.about.osData')}</p>
      </section>
    </div>
  );
}
