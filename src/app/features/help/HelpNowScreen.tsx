// Help now: crisis lines first (shipped with this screen, so they show offline and before any sync), the safety
// plan one tap away, then services open right now near the person; at night, only those open all night.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import crisis from '../../../shared/directory/data/crisis-contacts.json';
import { milesBetween } from '../../../shared/directory/distance.ts';
import { isAlwaysOpen, isOpenAt, londonWallClock } from '../../../shared/directory/opening-hours.ts';
import { crisisServices } from '../../../shared/directory/seed.ts';
import type { DirectoryService } from '../../../shared/directory/types.ts';
import { ReadAloud } from '../../i18n/ReadAloud.tsx';
import { ContactLinks } from '../directory/ContactLinks.tsx';
import { openStatus } from '../directory/hoursText.ts';
import { rememberedPlace } from '../directory/place.ts';
import { useServices } from '../directory/queries.ts';

import './help.css';

const CRISIS_LINES = crisisServices(crisis.contacts);
const isNight = (at: Date) => {
  const { minutes } = londonWallClock(at);
  return minutes >= 22 * 60 || minutes < 7 * 60;
};

/** @internal exported for its tests (knip --production) */
export function openNowNearby(services: DirectoryService[], at: Date, place = rememberedPlace()): DirectoryService[] {
  const night = isNight(at);
  const open = services.filter((s) => !s.categories.includes('crisis') && isOpenAt(s.hours, at) && (!night || isAlwaysOpen(s.hours)));
  if (!place) return open.slice(0, 5);
  const miles = (s: DirectoryService) => (s.location.kind === 'point' ? milesBetween(place, s.location) : Infinity);
  return open.sort((a, b) => miles(a) - miles(b)).slice(0, 5);
}

export default function HelpNowScreen({ now }: { now?: Date }) {
  const { t, i18n } = useTranslation();
  const at = useMemo(() => now ?? new Date(), [now]);
  const services = useServices();
  const nearby = useMemo(() => (services ? openNowNearby(services, at) : []), [services, at]);

  return (
    <div className="help-now">
      <h1>{t('help.title')}</h1>
      <ReadAloud from=".help-now" />
      <p className="help-now__danger">{t('help.danger')}</p>

      <section aria-labelledby="help-lines-title">
        <h2 id="help-lines-title">{t('help.linesTitle')}</h2>
        <ul className="card-list">
          {CRISIS_LINES.map((line) => {
            const key = line.id.replace(/^crisis-/, '');
            return (
              <li key={line.id} className="card help-line">
                <h3>{t(`help.lines.${key}.name`, { defaultValue: line.name })}</h3>
                <p>{t(`help.lines.${key}.who`, { defaultValue: line.description })}</p>
                <p className="help-line__hours">{openStatus(line.hours, at, t, i18n.language)}</p>
                <ContactLinks contacts={line.contacts} name={line.name} />
              </li>
            );
          })}
        </ul>
      </section>

      <p>
        <Link className="button" to="/safety-plan">{t('help.safetyPlanLink')}</Link>
      </p>

      <section aria-labelledby="help-calm-title">
        <h2 id="help-calm-title">{t('calm.links.title')}</h2>
        <ul className="help-now__calm">
          <li><Link to="/help/breathe">{t('calm.links.breathe')}</Link></li>
          <li><Link to="/help/grounding">{t('calm.links.ground')}</Link></li>
        </ul>
      </section>

      <section aria-labelledby="help-open-title">
        <h2 id="help-open-title">{isNight(at) ? t('help.openAllNightTitle') : t('help.openNowTitle')}</h2>
        {nearby.length === 0 ? (
          <p>{t('help.noneOpen')}</p>
        ) : (
          <ul className="help-now__open">
            {nearby.map((s) => (
              <li key={s.id}>
                <Link lang="en" dir="auto" to={`/directory/service/${encodeURIComponent(s.id)}`}>{s.name}</Link>
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to="/directory" className="link-target">{t('help.findMore')}</Link>
        </p>
      </section>
    </div>
  );
}
