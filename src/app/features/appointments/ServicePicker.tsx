// Search Find help on this phone and link a service: it fills in the place and the phone number.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { findServicesToPick, type PickedService } from './services.ts';

type Props = {
  chosen?: { id: string; name: string };
  onPick: (service: PickedService) => void;
  onUnlink: () => void;
};

export function ServicePicker({ chosen, onPick, onUnlink }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<{ empty: boolean; hits: PickedService[] }>({ empty: false, hits: [] });

  useEffect(() => {
    let live = true;
    void findServicesToPick(query).then((r) => live && setResult(r));
    return () => { live = false; };
  }, [query]);

  if (chosen) {
    return (
      <div className="appt-linked">
        <p dir="auto">{t('appointments.form.chosenService', { name: chosen.name })}</p>
        <button type="button" className="button button-secondary" onClick={onUnlink}>{t('appointments.form.removeService')}</button>
      </div>
    );
  }
  return (
    <div className="appt-picker">
      <p className="appt-hint">{t('appointments.form.fromDirectory')}</p>
      {result.empty ? <p className="appt-hint">{t('appointments.form.directoryEmpty')}</p> : (
        <>
          <label htmlFor={`${id}-q`}>{t('appointments.form.searchDirectory')}</label>
          <input id={`${id}-q`} type="search" value={query} onChange={(e) => setQuery(e.target.value)} dir="auto" />
          {query.trim() !== '' && result.hits.length === 0 && <p className="appt-hint" role="status">{t('appointments.form.noServices')}</p>}
          {result.hits.length > 0 && (
            <ul className="appt-picker-hits">
              {result.hits.map((s) => (
                <li key={s.id}>
                  <button type="button" className="button button-secondary" onClick={() => { onPick(s); setQuery(''); }}>
                    {t('appointments.form.pickService', { name: s.name })}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
