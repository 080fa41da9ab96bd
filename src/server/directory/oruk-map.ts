// Maps one Open Referral UK service (1.0 or 3.0 JSON) onto our compact DirectoryService. Fields we can't
// read are left out rather than guessed: unknown hours stay unknown, an area stays an area.
import sanitizeHtml from 'sanitize-html';

import type { AccessMode, Category, DirectoryService, OpeningHours, ServiceLocation, Session, Weekday } from '../../shared/directory/types.ts';

export type OrukVersion = '1.0' | '3.0';
/** A JSON object from the feed: nothing in it is trusted until str(), arr(), obj() or a typeof check has read it. */
type Json = Record<string, unknown>;
/** A bad value inside a good service: dropped, never guessed, and said back to whoever runs the import. */
export type Warn = (field: string, message: string) => void;
const ignore: Warn = () => {};

const isObject = (value: unknown): value is Json => !!value && typeof value === 'object';
const arr = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isObject) : []);
const obj = (value: unknown): Json => (isObject(value) && !Array.isArray(value) ? value : {});
/** A value as the feed wrote it, for a warning or a list ("MO,TU" from ["MO","TU"], as String() joins an array). */
const asWritten = (value: unknown): string =>
  Array.isArray(value) ? value.map(asWritten).join(',')
    : typeof value === 'string' ? value
      : typeof value === 'number' || typeof value === 'boolean' ? String(value)
        : value === null || value === undefined ? '' : JSON.stringify(value);
const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);

/** HTML and Markdown in descriptions become plain text; scripts and styles disappear with their content. */
function plainText(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {}, nonTextTags: ['script', 'style', 'textarea', 'noscript', 'title'] })
    .replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/\s+/g, ' ').trim();
}

const CATEGORY_WORDS: [Category, RegExp][] = [
  ['crisis', /crisis|suicid|emergency|self[- ]harm/i],
  ['mental-health', /mental|counsel|wellbeing|well-being|therap|psycholog|emotional/i],
  ['advice', /housing|homeless|money|debt|benefit|immigra|asylum|legal|advice|welfare/i],
  ['social', /social|drop[- ]in|youth club|communit|befriend|peer|mentor/i],
  ['lgbtq', /lgbt|gay|lesbian|trans\b|transgender|queer/i],
  ['drugs-alcohol', /drug|alcohol|substance|addict/i],
  ['food', /food|meal|pantry|hunger/i],
  ['education-work', /educat|employ|\bjobs?\b|training|college|career|apprentice/i],
];

const LANGUAGE_CODES: Record<string, string> = {
  english: 'en', arabic: 'ar', dari: 'prs', farsi: 'fa', persian: 'fa', pashto: 'ps', kurdish: 'ku', sorani: 'ckb',
  kurmanji: 'kmr', tigrinya: 'ti', amharic: 'am', oromo: 'om', vietnamese: 'vi', albanian: 'sq', somali: 'so',
  urdu: 'ur', polish: 'pl', romanian: 'ro', french: 'fr', spanish: 'es', bengali: 'bn', punjabi: 'pa', turkish: 'tr',
};

function languageCode(lang: Json): string | undefined {
  const code = str(lang.code)?.toLowerCase();
  if (code && /^[a-z]{2,3}$/.test(code)) return code;
  const name = str(lang.language) ?? str(lang.name);
  return name ? LANGUAGE_CODES[name.toLowerCase()] : undefined;
}

const DAY_CODES: Record<string, Weekday> = { MO: 'mo', TU: 'tu', WE: 'we', TH: 'th', FR: 'fr', SA: 'sa', SU: 'su' };

/** "10:00", "10:00:00", "10:00Z" or "09:00+01:00" → "10:00": ORUK times are London wall-clock times. */
const wallTime = (value: unknown) => str(value)?.match(/^(([01]\d|2[0-3]):[0-5]\d)(?![\d])/)?.[1];
const isoDate = (value: unknown) => {
  const date = str(value)?.slice(0, 10);
  return date && /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) ? date : undefined;
};

function sessionsOf(schedules: Json[], warn: Warn, where: string): Session[] {
  const sessions: Session[] = [];
  schedules.forEach((s, i) => {
    if (s.freq && asWritten(s.freq).toUpperCase() !== 'WEEKLY') return; // monthly patterns: not shown rather than wrong
    const days = asWritten(s.byday).split(',').map((d) => DAY_CODES[d.trim().toUpperCase()]).filter(Boolean);
    const opens = wallTime(s.opens_at);
    const closes = wallTime(s.closes_at);
    if (days.length === 0 && !s.opens_at && !s.closes_at) return; // a description-only schedule: nothing to read
    if (days.length === 0 || !opens || !closes) {
      warn(`${where}[${i}]`, `Schedule dropped: cannot read days "${asWritten(s.byday)}" ${asWritten(s.opens_at)}–${asWritten(s.closes_at)}.`);
      return;
    }
    const from = isoDate(s.valid_from);
    const to = isoDate(s.valid_to) ?? isoDate(s.until);
    sessions.push({ days: [...new Set(days)], opens, closes, ...(from ? { from } : {}), ...(to ? { to } : {}) });
  });
  return sessions;
}

function hoursOf(service: Json, version: OrukVersion, warn: Warn = ignore): OpeningHours | undefined {
  const atLocations = arr(service.service_at_locations);
  const schedules = version === '3.0'
    ? [...arr(service.schedules), ...atLocations.flatMap((sal) => arr(sal.schedules))]
    : [...arr(service.regular_schedules), ...atLocations.flatMap((sal) => [...arr(sal.regular_schedule), ...arr(sal.regular_schedules)])];
  const sessions = sessionsOf(schedules, warn, version === '3.0' ? 'schedules' : 'regular_schedules');
  if (sessions.length === 0) return undefined;
  const allDay = (['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'] as Weekday[]).every((d) =>
    sessions.some((s) => s.days.includes(d) && s.opens === '00:00' && s.closes === '23:59' && !s.from && !s.to));
  if (allDay) return { kind: 'always' };
  const holidays = version === '1.0'
    ? [...arr(service.holiday_schedules), ...atLocations.flatMap((sal) => arr(sal.holiday_schedules))]
        .filter((h) => h.closed === true && isoDate(h.start_date))
        .map((h) => ({ from: isoDate(h.start_date)!, to: isoDate(h.end_date) ?? isoDate(h.start_date)! }))
    : [];
  return { kind: 'weekly', sessions, ...(holidays.length ? { closed: holidays } : {}) };
}

// Five decimal places is about a metre: more is noise that every phone would download.
const toMetre = (degrees: number) => Math.round(degrees * 1e5) / 1e5;

const onEarth = (lat: unknown, lng: unknown) =>
  typeof lat === 'number' && typeof lng === 'number' && Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180;

function locationOf(service: Json, warn: Warn = ignore): ServiceLocation {
  for (const [i, sal] of arr(service.service_at_locations).entries()) {
    const loc = obj(sal.location);
    if (loc.latitude != null && loc.longitude != null && !onEarth(loc.latitude, loc.longitude)) {
      warn(`service_at_locations[${i}].location`, `Coordinate dropped: ${asWritten(loc.latitude)}, ${asWritten(loc.longitude)} is not a place on Earth.`);
      continue;
    }
    if (typeof loc.latitude === 'number' && typeof loc.longitude === 'number') {
      const address = [...arr(loc.addresses), ...arr(loc.physical_addresses)][0];
      const line = address ? [str(address.address_1), str(address.city), str(address.postal_code)].filter(Boolean).join(', ') : undefined;
      return {
        kind: 'point', lat: toMetre(loc.latitude), lng: toMetre(loc.longitude),
        ...(line ? { address: line } : {}), ...(str(address?.postal_code) ? { postcode: str(address?.postal_code) } : {}),
      };
    }
  }
  const area = str(arr(service.service_areas)[0]?.name) ?? str(arr(service.service_areas)[0]?.service_area);
  if (area) return { kind: 'area', area };
  // A place whose coordinate was dropped is still somewhere: its town or postcode, never "anywhere".
  const address = arr(service.service_at_locations).flatMap((sal) => [...arr(obj(sal.location).addresses), ...arr(obj(sal.location).physical_addresses)])[0];
  const town = str(address?.city) ?? str(address?.postal_code);
  return town ? { kind: 'area', area: town.slice(0, 120) } : { kind: 'national' };
}

function firstPhone(service: Json): string | undefined {
  const places = [
    service.phones, ...arr(service.contacts).map((c) => c.phones), obj(service.organization).phones,
    ...arr(service.service_at_locations).flatMap((sal) => [sal.phones, obj(sal.location).phones]),
  ];
  for (const list of places) for (const phone of arr(list)) if (str(phone.number)) return str(phone.number);
  return undefined;
}

function taxonomyWords(service: Json): string[] {
  return [
    ...arr(service.service_taxonomys).map((t) => str(obj(t.taxonomy).name)),
    ...arr(service.attributes).map((a) => str(obj(a.taxonomy_term).name) ?? str(obj(a.taxonomy_term).term)),
    ...arr(service.eligibilitys).map((e) => str(e.eligibility)),
  ].filter((w): w is string => Boolean(w));
}

const isWebAddress = (url: string) => {
  try {
    const parsed = new URL(url);
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname.includes('.') && !/\s/.test(url);
  } catch {
    return false;
  }
};
const isEmail = (email: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);

export function mapOrukService(service: Json, version: OrukVersion, warn: Warn = ignore): DirectoryService {
  const taxonomy = taxonomyWords(service);
  const name = str(service.name) ?? '';
  const categoryText = [...taxonomy, name, typeof service.description === 'string' ? service.description : ''].join(' | ');
  const eligibility = arr(service.eligibilitys)[0] ?? {};
  const minAge = service.minimum_age ?? eligibility.minimum_age;
  const maxAge = service.maximum_age ?? eligibility.maximum_age;
  const location = locationOf(service, warn);
  const phone = firstPhone(service);
  const attending = [str(service.attending_type), str(service.attending_access), str(service.deliverable_type), ...taxonomy].join(' ').toLowerCase();
  const costText = [str(service.fees), ...arr(service.cost_options).map((c) => `${str(c.option) ?? ''} ${c.amount === 0 ? 'free' : ''}`)].join(' ');
  const access = new Set<AccessMode>();
  if (location.kind === 'point' || /venue|in person|face to face/.test(attending)) access.add('in-person');
  if (phone || /phone|telephone/.test(attending)) access.add('phone');
  if (/online|internet|web|video/.test(attending)) access.add('online');
  const languages = [...new Set(arr(service.languages).map(languageCode).filter((c): c is string => Boolean(c)))];
  let url = str(service.url);
  if (url && !isWebAddress(url)) {
    warn('url', `Website dropped: "${url.slice(0, 100)}" is not a web address.`);
    url = undefined;
  }
  let email = str(service.email);
  if (email && !isEmail(email)) {
    warn('email', `Email dropped: "${email.slice(0, 100)}" is not an email address.`);
    email = undefined;
  }
  const updated = str(service.last_modified);
  const hours = hoursOf(service, version, warn);

  return {
    id: String(service.id),
    name,
    ...(str(obj(service.organization).name) && obj(service.organization).name !== name ? { organisation: str(obj(service.organization).name) } : {}),
    description: plainText(typeof service.description === 'string' ? service.description : ''),
    ...(typeof service.eligibility_description === 'string' && str(service.eligibility_description) ? { whoFor: plainText(service.eligibility_description) } : {}),
    categories: CATEGORY_WORDS.filter(([, words]) => words.test(categoryText)).map(([c]) => c),
    ...(/care leaver|care-leaver|care experienced|care-experienced/i.test(categoryText) ? { careLeaverSpecific: true } : {}),
    ...(typeof minAge === 'number' ? { minAge } : {}),
    ...(typeof maxAge === 'number' ? { maxAge } : {}),
    ...(languages.length ? { languages } : {}),
    ...(/\bfree\b/i.test(costText) ? { free: true } : {}),
    ...(/drop[- ]?in|walk[- ]?in/.test(attending) ? { walkIn: true } : {}),
    access: [...access],
    location,
    contacts: {
      ...(phone ? { phone } : {}),
      ...(email ? { email } : {}),
      ...(url ? { url } : {}),
    },
    ...(hours ? { hours } : {}),
    ...(updated && !Number.isNaN(Date.parse(updated)) ? { updatedAt: new Date(updated).toISOString() } : {}),
  };
}
