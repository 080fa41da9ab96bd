// The matching services: name, how far (or which area), and whether it's open now.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { roundMiles } from '../../../shared/directory/distance.ts';
import type { SearchHit } from '../../../shared/directory/search.ts';
import type { DirectoryService } from '../../../shared/directory/types.ts';
import { isOpenNow, openStatus } from './hoursText.ts';
import { intlLocale } from '../../../shared/languages.ts';

export function useWhereText() {
  const { t, i18n } = useTranslation();
  return (service: DirectoryService, miles?: number) => {
    if (miles !== undefined) {
      const rounded = roundMiles(miles);
      const formatted = new Intl.NumberFormat(intlLocale(i18n.language), { maximumFractionDigits: 1 }).format(rounded);
      return t(rounded === 1 ? 'directory.results.mile' : 'directory.results.miles', { miles: formatted });
    }
    if (service.location.kind === 'area') return t('directory.results.inArea', { area: service.location.area });
    if (service.location.kind === 'national') return t('directory.results.national');
    return '';
  };
}

export function ResultList({ hits, now }: { hits: SearchHit[]; now: Date }) {
  const { t, i18n } = useTranslation();
  const whereText = useWhereText();
  return (
    <ul className="dir-results">
        {hits.map(({ service, miles }) => (
          <li key={service.id} className="dir-result">
            <Link className="dir-result__name" dir="auto" to={`/directory/service/${encodeURIComponent(service.id)}`}>{service.name}</Link>
            <p className="dir-result__where">{whereText(service, miles)}</p>
            <p className={`dir-result__hours${isOpenNow(service.hours, now) ? '' : ' dir-hours--not-open'}`}>{openStatus(service.hours, now, t, i18n.language)}</p>
            {service.careLeaverSpecific && <p className="dir-badge">{t('directory.results.careLeavers')}</p>}
          </li>
        ))}
    </ul>
  );
}
