// Call, text, email and website buttons for a service: real links the phone knows how to open.
import { useTranslation } from 'react-i18next';

import type { ServiceContacts } from '../../../shared/directory/types.ts';
import { withLtr } from '../../i18n/bidi.tsx';

import './contact-links.css';

const dialable = (number: string) => number.replace(/[^0-9+]/g, '');

function smsHref(sms: NonNullable<ServiceContacts['sms']>): string {
  // "?&body=" is read by both Android and iOS messaging apps.
  return `sms:${dialable(sms.number)}${sms.body ? `?&body=${encodeURIComponent(sms.body)}` : ''}`;
}

export function ContactLinks({ contacts, name }: { contacts: ServiceContacts; name: string }) {
  const { t } = useTranslation();
  return (
    <ul className="contact-links">
      {contacts.phone && (
        <li>
          <a className="button" href={`tel:${dialable(contacts.phone)}`} aria-label={t('directory.actions.callLabel', { name, number: contacts.phone })}>
            {withLtr((v) => t('directory.actions.call', { number: v.number }), { number: contacts.phone })}
          </a>
        </li>
      )}
      {contacts.sms && (
        <li>
          <a className="button button-secondary" href={smsHref(contacts.sms)}>
            {contacts.sms.body
              ? withLtr((v) => t('directory.actions.textWord', { word: v.word, number: v.number }), { word: contacts.sms.body, number: contacts.sms.number })
              : withLtr((v) => t('directory.actions.text', { number: v.number }), { number: contacts.sms.number })}
          </a>
        </li>
      )}
      {contacts.email && (
        <li>
          <a className="button button-secondary" href={`mailto:${contacts.email}`}>{t('directory.actions.email')}</a>
        </li>
      )}
      {contacts.url && (
        <li>
          <a className="button button-secondary" href={contacts.url} rel="noreferrer" target="_blank">{t('directory.actions.website')}</a>
        </li>
      )}
    </ul>
  );
}
