// Opening hours in the reader's language: "Open now, closes at 17:00", "Opens at 9:00 tomorrow".
import type { TFunction } from 'i18next';

import { closesAt, isOpenAt, nextOpening } from '../../../shared/directory/opening-hours.ts';
import { type OpeningHours, type Weekday, WEEKDAYS } from '../../../shared/directory/types.ts';
import { intlLocale, weekdayName } from '../../../shared/languages.ts';

/** "09:00" → "9:00" or "٩:٠٠ ص" depending on language; the date is irrelevant, so format it as UTC. */
function formatWallTime(time: string, language: string): string {
  const [h, m] = time.split(':').map(Number);
  return new Intl.DateTimeFormat(intlLocale(language), { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 1, h, m));
}

/** True only when we know it is open at this moment (the green "open" look). */
export function isOpenNow(hours: OpeningHours | undefined, at: Date): boolean {
  return hours !== undefined && (hours.kind === 'always' || isOpenAt(hours, at));
}

/** An opening-hours weekday's name in the reader's language. */
const nameOfWeekday = (day: Weekday, language: string) => weekdayName(1 + WEEKDAYS.indexOf(day), language);

export function openStatus(hours: OpeningHours | undefined, at: Date, t: TFunction, language: string): string {
  if (!hours) return t('directory.hours.unknown');
  if (hours.kind === 'always') return t('directory.hours.always');
  if (isOpenAt(hours, at)) {
    const closes = closesAt(hours, at);
    return closes ? t('directory.hours.openCloses', { time: formatWallTime(closes, language) }) : t('directory.hours.openNow');
  }
  const next = nextOpening(hours, at);
  if (!next) return t('directory.hours.closed');
  const time = formatWallTime(next.time, language);
  if (next.inDays === 0) return t('directory.hours.opensToday', { time });
  if (next.inDays === 1) return t('directory.hours.opensTomorrow', { time });
  return t('directory.hours.opensOn', { time, day: nameOfWeekday(next.weekday, language) });
}
