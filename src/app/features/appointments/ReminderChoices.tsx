// "Remind me": a day before, two hours before, or their own times (a number and a unit).
import type { ParseKeys } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

import { type AppointmentDraft, OWN_REMINDER_UNITS, type OwnReminderUnit } from './draft.ts';

type Props = {
  draft: AppointmentDraft;
  onChange: (change: Partial<AppointmentDraft>) => void;
  errorId?: string;
};

const PRESETS = [{ minutes: 1440, key: 'dayBefore' }, { minutes: 120, key: 'twoHoursBefore' }] as const;

export function ReminderChoices({ draft, onChange, errorId }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const togglePreset = (minutes: number, on: boolean) =>
    onChange({ presetReminders: on ? [...draft.presetReminders, minutes] : draft.presetReminders.filter((m) => m !== minutes) });
  const setOwn = (i: number, change: Partial<AppointmentDraft['ownReminders'][number]>) =>
    onChange({ ownReminders: draft.ownReminders.map((r, j) => (j === i ? { ...r, ...change } : r)) });

  return (
    <fieldset className="appt-fieldset" aria-describedby={errorId}>
      <legend>{t('appointments.form.remindersLegend')}</legend>
      {PRESETS.map((p) => (
        <div className="appt-check" key={p.minutes}>
          <input id={`${id}-${p.minutes}`} type="checkbox" checked={draft.presetReminders.includes(p.minutes)}
            onChange={(e) => togglePreset(p.minutes, e.target.checked)} />
          <label htmlFor={`${id}-${p.minutes}`}>{t(`appointments.form.${p.key}`)}</label>
        </div>
      ))}
      {draft.ownReminders.map((r, i) => (
        <div className="appt-own-reminder" key={i}>
          <div className="appt-field">
            <label htmlFor={`${id}-own-${i}`}>{t('appointments.form.ownAmount')}</label>
            <input id={`${id}-own-${i}`} type="number" inputMode="numeric" value={r.amount}
              aria-invalid={errorId ? true : undefined} aria-describedby={errorId}
              onChange={(e) => setOwn(i, { amount: e.target.value })} />
          </div>
          <div className="appt-field">
            <label htmlFor={`${id}-unit-${i}`}>{t('appointments.form.ownUnit')}</label>
            <select id={`${id}-unit-${i}`} value={r.unit} onChange={(e) => setOwn(i, { unit: e.target.value as OwnReminderUnit })}>
              {Object.keys(OWN_REMINDER_UNITS).map((u) => <option key={u} value={u}>{t(`appointments.form.units.${u}` as ParseKeys)}</option>)}
            </select>
          </div>
          <button type="button" className="button button-secondary"
            onClick={() => onChange({ ownReminders: draft.ownReminders.filter((_, j) => j !== i) })}>
            {t('appointments.form.removeOwnReminder')}
          </button>
        </div>
      ))}
      <button type="button" className="button button-secondary"
        onClick={() => onChange({ ownReminders: [...draft.ownReminders, { amount: '30', unit: 'minutes' }] })}>
        {t('appointments.form.addOwnReminder')}
      </button>
    </fieldset>
  );
}
