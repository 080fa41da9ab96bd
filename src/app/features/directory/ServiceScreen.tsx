// One service: what it offers, who it's for, opening times, and ways to get in touch or get there. Never a dead
// end: every action the data allows, and when it allows none, "Ask my PA" and the nearest national alternative.
import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';

import { milesBetween } from '../../../shared/directory/distance.ts';
import type { DirectoryService } from '../../../shared/directory/types.ts';
import { intlLocale } from '../../../shared/languages.ts';
import { ReadAloud } from '../../i18n/ReadAloud.tsx';
import { pickedFrom } from '../appointments/services.ts';
import { ContactLinks } from './ContactLinks.tsx';
import { FavouriteButton } from './FavouriteButton.tsx';
import { isOpenNow, openStatus } from './hoursText.ts';
import { rememberedPlace } from './place.ts';
import { useServices } from './queries.ts';
import { ReportForm } from './ReportForm.tsx';
import { checkedMonth, useWhereText } from './ResultList.tsx';

const canContact = (s: DirectoryService) => Boolean(s.contacts.phone || s.contacts.sms || s.contacts.email || s.contacts.url);

/**
 * A national service that helps with the same things and can be reached now (most shared categories first), for
 * a service whose data gives no way in. Crisis lines only stand in for a crisis service.
 */
function nationalAlternative(service: DirectoryService, services: DirectoryService[]): DirectoryService | undefined {
  const shared = (s: DirectoryService) => s.categories.filter((c) => service.categories.includes(c)).length;
  return services
    .filter((s) => s.id !== service.id && s.location.kind === 'national' && canContact(s))
    .filter((s) => !s.categories.includes('crisis') || service.categories.includes('crisis'))
    .map((s) => ({ s, score: shared(s) }))
    .filter(({ score }) => score > 0)
    .sort((a, b) => b.score - a.score || (a.s.name < b.s.name ? -1 : 1))[0]?.s;
}

function ages(s: DirectoryService, t: (key: string, o?: Record<string, unknown>) => string): string | undefined {
  if (s.minAge !== undefined && s.maxAge !== undefined) return t('directory.service.ages', { min: s.minAge, max: s.maxAge });
  if (s.minAge !== undefined) return t('directory.service.agesFrom', { min: s.minAge });
  if (s.maxAge !== undefined) return t('directory.service.agesUpTo', { max: s.maxAge });
  return undefined;
}

export function ServiceScreen() {
  const { t, i18n } = useTranslation();
  const { id } = useParams();
  const services = useServices();
  const whereText = useWhereText();
  const navigate = useNavigate();
  if (!services) return <p role="status">{t('directory.results.loading')}</p>;
  const service = services.find((s) => s.id === id);
  if (!service) {
    return (
      <div className="directory">
        <h1>{t('directory.title')}</h1>
        <p>{t('directory.service.notFound')}</p>
        <Link to="/directory">{t('directory.service.back')}</Link>
      </div>
    );
  }
  const place = rememberedPlace();
  const loc = service.location;
  const centre = loc.kind === 'point' ? loc : loc.kind === 'area' && loc.lat !== undefined && loc.lng !== undefined ? { lat: loc.lat, lng: loc.lng } : undefined;
  const miles = place && centre ? milesBetween(place, centre) : undefined;
  const noWayIn = !canContact(service) && loc.kind !== 'point';
  const alternative = noWayIn ? nationalAlternative(service, services) : undefined;
  const languageNames = (service.languages ?? []).map((code) => {
    try { return new Intl.DisplayNames([intlLocale(i18n.language)], { type: 'language' }).of(code) ?? code; } catch { return code; }
  });
  const ageText = ages(service, (key, o) => t(key as ParseKeys, o));

  return (
    <div className="directory service-page">
      <p>
        <button type="button" className="button button-secondary" onClick={() => (window.history.length > 1 ? navigate(-1) : navigate('/directory'))}>
          {t('directory.service.back')}
        </button>
      </p>
      <h1><bdi lang="en" className="service-page__english">{service.name}</bdi></h1>
      {service.organisation && <p className="dir-hint"><bdi lang="en">{service.organisation}</bdi></p>}
      <p className={`service-page__hours${isOpenNow(service.hours, new Date()) ? '' : ' dir-hours--not-open'}`}>
        {service.hours || !service.hoursText ? openStatus(service.hours, new Date(), t, i18n.language) : <bdi lang="en">{service.hoursText}</bdi>}
      </p>
      {service.checked && <p className="dir-checked">{t('directory.service.checked', { month: checkedMonth(service.checked, i18n.language) })}</p>}

      <h2>{t('directory.service.contactTitle')}</h2>
      <ContactLinks contacts={service.contacts} name={service.name} />
      {loc.kind === 'point' && (
        <ul className="contact-links service-page__map">
          <li><a className="button button-secondary" href={`geo:${loc.lat},${loc.lng}?q=${loc.lat},${loc.lng}`}>{t('directory.actions.directions')}</a></li>
          <li><a className="button button-secondary" rel="noreferrer" target="_blank" href={`https://www.openstreetmap.org/?mlat=${loc.lat}&mlon=${loc.lng}#map=16/${loc.lat}/${loc.lng}`}>{t('directory.actions.map')}</a></li>
        </ul>
      )}
      {noWayIn && (
        <div className="service-page__no-way-in">
          <p>{t('directory.service.noContact')}</p>
          <p><Link className="button button-secondary" to="/my-pa">{t('directory.service.askPa')}</Link></p>
          {alternative && (
            <>
              <p>{t('directory.service.alternative')}</p>
              <p><Link lang="en" dir="auto" to={`/directory/service/${encodeURIComponent(alternative.id)}`}>{alternative.name}</Link></p>
              <ContactLinks contacts={alternative.contacts} name={alternative.name} />
            </>
          )}
        </div>
      )}
      <p>
        <Link className="button button-secondary" to="/appointments/new" state={{ service: pickedFrom(service) }}>{t('directory.service.addAppointment')}</Link>
      </p>
      <FavouriteButton id={service.id} />

      <h2>{t('directory.service.where')}</h2>
      <p>{loc.kind === 'point' && loc.address ? <><bdi lang="en">{loc.address}</bdi>{miles !== undefined ? ` · ${whereText(service, miles)}` : ''}</> : whereText(service, miles)}</p>

      <h2>{t('directory.service.about')}</h2>
      {/* Directory text is written in English: marked so, and read aloud, with an English voice (none: no button). */}
      <ReadAloud from=".service-page__english" lang="en" hideWithoutVoice />
      <p lang="en" dir="auto" className="service-page__english">{service.description}</p>
      {(service.whoFor || ageText || service.careLeaverSpecific) && (
        <>
          <h2>{t('directory.service.whoFor')}</h2>
          {service.whoFor && <p lang="en" dir="auto" className="service-page__english">{service.whoFor}</p>}
          {service.careLeaverSpecific && <p>{t('directory.results.careLeavers')}</p>}
          {ageText && <p>{ageText}</p>}
        </>
      )}
      {languageNames.length > 0 && (
        <>
          <h2>{t('directory.service.languages')}</h2>
          <p>{languageNames.join(', ')}</p>
        </>
      )}
      {(service.free || service.walkIn) && (
        <ul className="service-page__facts">
          {service.free && <li>{t('directory.service.free')}</li>}
          {service.walkIn && <li>{t('directory.service.walkIn')}</li>}
        </ul>
      )}
      <ReportForm serviceId={service.id} />
    </div>
  );
}
