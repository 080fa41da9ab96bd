// "I can't make it": the service's phone and text buttons, and a ready sentence to copy.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Appointment } from '../../../shared/appointments/schema.ts';
import { intlLocale } from '../../../shared/languages.ts';
import { AskPaAboutAppointment } from '../sharing/AskPaAboutAppointment.tsx';
import { formatDate, formatTime } from './when.ts';

/** Digits and a leading + only, for tel: and sms: links. */
const dialable = (phone: string) => phone.replace(/[^\d+]/g, '');

export function CantMakeIt({ appointment }: { appointment: Appointment }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [copied, setCopied] = useState(false);
  // The message goes to the service, so it is written in English whatever language the app is in.
  const when = `${formatDate(appointment.startsAt, intlLocale('en'))}, ${formatTime(appointment.startsAt, intlLocale('en'))}`;
  const sentence = t('appointments.cantMake.sentence', { when, lng: 'en' });
  const name = appointment.serviceName || t('appointments.cantMake.theService');
  const phone = appointment.servicePhone ? dialable(appointment.servicePhone) : '';

  async function copy() {
    try {
      await navigator.clipboard.writeText(sentence);
      setCopied(true);
    } catch {
      // Clipboard blocked: the message stays on screen, selectable by hand.
      setCopied(false);
    }
  }

  if (!open) {
    return <button type="button" className="button button-secondary" aria-expanded={false} onClick={() => setOpen(true)}>{t('appointments.cantMake.button')}</button>;
  }
  return (
    <section className="appt-card" aria-labelledby="appt-cant-heading">
      <h2 id="appt-cant-heading">{t('appointments.cantMake.heading')}</h2>
      <p>{t('appointments.cantMake.intro')}</p>
      {phone ? (
        <div className="appt-actions">
          <a className="button" href={`tel:${phone}`}>{t('appointments.cantMake.call', { name })}</a>
          <a className="button" href={`sms:${phone}?body=${encodeURIComponent(sentence)}`}>{t('appointments.cantMake.text', { name })}</a>
        </div>
      ) : <p>{t('appointments.cantMake.noPhone')}</p>}
      <label htmlFor="appt-cant-message">{t('appointments.cantMake.messageLabel')}</label>
      <textarea id="appt-cant-message" className="appt-message" readOnly rows={3} value={sentence} lang="en" dir="ltr" />
      <button type="button" className="button button-secondary" onClick={copy}>{t('appointments.cantMake.copy')}</button>
      <p role="status">{copied ? t('appointments.cantMake.copied') : ''}</p>
      <AskPaAboutAppointment appointment={appointment} request="cant-make-it" label="sharing.appointment.tellCantMake" />
    </section>
  );
}
