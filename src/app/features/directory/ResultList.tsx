// The matching services: name, how far (or which area), and whether it's open now. Places near the person come
// first; national services follow under their own heading, so a far-away local service never looks near.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { formatDistance } from '../../../shared/directory/distance.ts';
import type { SearchHit } from '../../../shared/directory/search.ts';
import type { DirectoryService } from '../../../shared/directory/types.ts';
import { intlLocale } from '../../../shared/languages.ts';
import { isOpenNow, openStatus } from './hoursText.ts';
import { rememberedReach } from './place.ts';

/** "December 2026" in the reader's language, from "2026-12". */
export function checkedMonth(checked: string, language: string): string {
  const [year, month] = checked.split('-').map(Number);
  return new Intl.DateTimeFormat(intlLocale(language), { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, month - 1, 1));
}

export function useWhereText() {
  const { t, i18n } = useTranslation();
  const { unit } = rememberedReach();
  /** miles: to the service's place, or to the rough centre of its area (said as such). */
  return (service: DirectoryService, miles?: number) => {
    const loc = service.location;
    const distance = miles === undefined ? undefined : formatDistance(miles, unit, i18n.language);
    if (loc.kind === 'area') {
      return distance ? t('directory.results.inAreaAway', { area: loc.area, distance }) : t('directory.results.inArea', { area: loc.area });
    }
    if (distance !== undefined) return t('directory.results.away', { distance });
    if (loc.kind === 'national') return t('directory.results.national');
    return '';
  };
}

function Result({ hit: { service, nearness }, now }: { hit: SearchHit; now: Date }) {
  const { t, i18n } = useTranslation();
  const whereText = useWhereText();
  return (
    <li className="card dir-result">
      {/* Directory text is English, whatever the app's language: marked so, for a screen reader's voice. */}
      <Link className="dir-result__name" lang="en" dir="auto" to={`/directory/service/${encodeURIComponent(service.id)}`}>{service.name}</Link>
      <p className="dir-result__where">{whereText(service, nearness)}</p>
      <p className={`dir-result__hours${isOpenNow(service.hours, now) ? '' : ' dir-hours--not-open'}`}>
        {service.hours || !service.hoursText ? openStatus(service.hours, now, t, i18n.language) : <bdi lang="en">{service.hoursText}</bdi>}
      </p>
      {service.careLeaverSpecific && <p className="dir-badge">{t('directory.results.careLeavers')}</p>}
      {service.checked && <p className="dir-checked">{t('directory.service.checked', { month: checkedMonth(service.checked, i18n.language) })}</p>}
    </li>
  );
}

export function ResultList({ hits, now, near }: { hits: SearchHit[]; now: Date; near: boolean }) {
  const { t } = useTranslation();
  if (!near) {
    return <ul className="card-list dir-results">{hits.map((hit) => <Result key={hit.service.id} hit={hit} now={now} />)}</ul>;
  }
  const local = hits.filter((h) => h.service.location.kind !== 'national');
  const national = hits.filter((h) => h.service.location.kind === 'national');
  return (
    <>
      {local.length > 0 && <ul className="card-list dir-results">{local.map((hit) => <Result key={hit.service.id} hit={hit} now={now} />)}</ul>}
      {national.length > 0 && (
        <section aria-labelledby="dir-national-title" className="dir-national">
          <h2 id="dir-national-title">{t('directory.results.nationalTitle')}</h2>
          <p className="dir-hint">{t('directory.results.nationalHint')}</p>
          <ul className="card-list dir-results">{national.map((hit) => <Result key={hit.service.id} hit={hit} now={now} />)}</ul>
        </section>
      )}
    </>
  );
}
