// "Something wrong here?": a reason from a short list, nothing typed, so nothing personal can be sent.
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { REPORT_REASONS, type ReportReason } from '../../../shared/directory/report.ts';
import { callApi } from '../../sync/api.ts';

export function ReportForm({ serviceId }: { serviceId: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [reason, setReason] = useState<ReportReason>('phone');
  const [result, setResult] = useState<'sent' | 'failed' | undefined>();

  const send = async (event: FormEvent) => {
    event.preventDefault();
    try {
      // Anonymous on purpose: a report about a service says nothing about who sent it.
      await callApi('POST', `/services/${encodeURIComponent(serviceId)}/reports`, { reason });
      setResult('sent');
    } catch {
      setResult('failed');
    }
  };

  return (
    <details className="report-form">
      <summary className="filter-panel__summary">{t('directory.report.title')}</summary>
      <form onSubmit={send}>
        <p>{t('directory.report.intro')}</p>
        <label htmlFor={id}>{t('directory.report.reason')}</label>
        <select id={id} className="text-input dir-input" value={reason} onChange={(e) => setReason(e.target.value as ReportReason)}>
          {REPORT_REASONS.map((r) => <option key={r} value={r}>{t(`directory.report.reasons.${r}`)}</option>)}
        </select>
        <button type="submit" className="button">{t('directory.report.send')}</button>
        <p role="status">{result ? t(`directory.report.${result}`) : ''}</p>
      </form>
    </details>
  );
}
