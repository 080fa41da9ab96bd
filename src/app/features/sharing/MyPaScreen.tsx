// "My PA": connect with a code, send a request, see what I shared (seen? reply?), monitoring choice, backup.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { weekdayName } from '../../../shared/languages.ts';
import type { WorkingHours } from '../../../shared/sharing/schemas.ts';
import { formatDate } from '../../i18n/format.ts';
import { OfflineError } from '../../sync/api.ts';
import { callAsThisPhone } from '../../sync/callAsThisPhone.ts';
import { BackupPanel } from './BackupPanel.tsx';
import { ConnectForm } from './ConnectForm.tsx';
import { ContactShare } from './ContactShare.tsx';
import { RequestButtons } from './RequestButtons.tsx';
import { SharedList } from './SharedList.tsx';
import { clearLocalShareFlags, refreshMyPa, useMyPaStatus } from './status.ts';

import './sharing.css';

function workingHoursText(hours: WorkingHours, language: string): { day: string; range: string }[] {
  return [...hours.days].sort((a, b) => a.day - b.day).map((d) => ({ day: weekdayName(d.day, language), range: `${d.start}–${d.end}` }));
}

export default function MyPaScreen() {
  const { t, i18n } = useTranslation();
  const status = useMyPaStatus();
  const [message, setMessage] = useState('');

  useEffect(() => {
    void refreshMyPa().catch(() => undefined);
  }, []);

  async function run(action: () => Promise<unknown>, done: string) {
    try {
      await action();
      await refreshMyPa();
      setMessage(done);
    } catch (e) {
      setMessage(e instanceof OfflineError ? t('sharing.errors.offline') : t('sharing.errors.server'));
    }
  }

  const disconnect = () => {
    if (window.confirm(t('sharing.disconnect.confirm'))) void run(async () => { await callAsThisPhone('DELETE', '/my-pa'); await clearLocalShareFlags(); }, t('sharing.disconnect.done'));
  };

  // Counting in is given through a PA's council, but turning it off must always be possible, connected or not.
  const monitoring = status && (status.connected || status.monitoring) ? (
    <section aria-labelledby="monitoring-title">
      <h2 id="monitoring-title">{t('sharing.monitoring.title')}</h2>
      <p>{t('sharing.monitoring.explain')}</p>
      <label className="sharing-check">
        <input type="checkbox" checked={status.monitoring}
          onChange={(e) => void run(() => callAsThisPhone('PUT', '/my-pa/monitoring', { optIn: e.target.checked }), t('sharing.monitoring.saved'))} />
        {t('sharing.monitoring.label')}
      </label>
    </section>
  ) : null;

  return (
    <div className="my-pa">
      <h1>{t('sharing.title')}</h1>
      {status === undefined ? null : !status?.connected ? <><ConnectForm />{monitoring}</> : (
        <>
          <p className="card">{t('sharing.connectedTo', { name: status.paName })}</p>
          {status.coveredBy && <p className="card">{t('sharing.coveredBy', { name: status.coveredBy.name, until: formatDate(`${status.coveredBy.until}T12:00:00Z`) })}</p>}
          <p className="muted">{t('sharing.workingHours')}</p>
          <ul className="sharing-hours">{workingHoursText(status.workingHours, i18n.language).map((line) => <li key={line.day}>{line.day} <bdi dir="ltr">{line.range}</bdi></li>)}</ul>
          <RequestButtons />
          <ContactShare shared={status.contact ?? null} />
          <section aria-labelledby="shared-title">
            <h2 id="shared-title">{t('sharing.list.title')}</h2>
            <SharedList shares={status.shares} />
          </section>
          {monitoring}
          <button type="button" className="button button-danger sharing-disconnect" onClick={disconnect}>{t('sharing.disconnect.button')}</button>
        </>
      )}
      <p role="status">{message}</p>
      <BackupPanel />
    </div>
  );
}
