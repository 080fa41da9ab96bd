// In More: one tap saves a copy of everything (JSON, to bring back later) or a spreadsheet of check-ins or
// appointments; "Bring back a copy" reads such a JSON file into this phone. All made on the phone, nothing sent.
// Below them, the phones backed up under this person.
import { type ChangeEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { appointmentsCsv, checkinsCsv } from './csv.ts';
import { MyDevices } from './MyDevices.tsx';

/** Hands the file to the browser's own download; the name says nothing about what the app is. */
function download(name: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** FileReader rather than file.text(): the same on every browser this app supports. */
function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    // readAsText always gives a string.
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read'));
    reader.readAsText(file);
  });
}

// The copy needs every record schema (zod): loaded on the tap, so opening More stays light.
const myData = () => import('./myData.ts');

const today = () => new Date().toISOString().slice(0, 10);

export function MyDataSection() {
  const { t } = useTranslation();
  const importId = useId();
  const [message, setMessage] = useState('');

  async function saveJson() {
    download(`my-data-${today()}.json`, JSON.stringify(await (await myData()).buildExport(), null, 2), 'application/json');
  }
  async function saveCheckins() {
    download(`check-ins-${today()}.csv`, checkinsCsv(await (await myData()).allCheckins(), t), 'text/csv;charset=utf-8');
  }
  async function saveAppointments() {
    download(`appointments-${today()}.csv`, appointmentsCsv(await (await myData()).allAppointments(), t), 'text/csv;charset=utf-8');
  }
  async function bringBack(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const text = await readText(file).catch(() => '');
    const result = await myData().then((m) => m.importExport(text)).catch(() => ({ ok: false as const, field: '' }));
    setMessage(result.ok ? t('settings.myData.imported', { count: result.count }) : t('settings.myData.importRejected'));
  }

  return (
    <section className="card" aria-labelledby="settings-my-data">
      <h2 id="settings-my-data">{t('settings.myData.title')}</h2>
      <p>{t('settings.myData.intro')}</p>
      <div className="button-row">
        <button type="button" className="button" onClick={() => void saveJson()}>{t('settings.myData.exportJson')}</button>
        <button type="button" className="button button-secondary" onClick={() => void saveCheckins()}>{t('settings.myData.checkinsCsv')}</button>
        <button type="button" className="button button-secondary" onClick={() => void saveAppointments()}>{t('settings.myData.appointmentsCsv')}</button>
      </div>
      {/* The browser's own file button speaks the browser's language ("Choose File"), not the app's: it is kept for
          keyboards and screen readers but hidden, and its label, in the app's words, is what a person sees and taps. */}
      <input id={importId} className="visually-hidden" type="file" accept="application/json,.json" onChange={(e) => void bringBack(e)} />
      <label htmlFor={importId} className="button button-secondary">{t('settings.myData.import')}</label>
      <p role="status">{message}</p>
      <MyDevices />
    </section>
  );
}
