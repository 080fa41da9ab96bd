// The default directory: national crisis lines, national services any care leaver in England can use, and the
// study's services, built from the checked data files in ../shared/data. Nothing is added that those files do not
// say (no phones, addresses or hours for study services; no phone for a national service that has none).
import type { Category, DirectoryService, OpeningHours } from './types.ts';

export type CrisisContact = {
  id: string; name: string; phone?: string; sms?: { number: string; body?: string }; email?: string; url?: string;
  hours: string; who: string; maxAge?: number;
};
export type StudyService = { name: string; area: string; kind: string[]; summary: string };

const ALL_DAYS = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'] as const;

/** Reads a data file's hours text; only the forms it uses, anything else stays unknown rather than guessed. */
function crisisHours(text: string): OpeningHours | undefined {
  if (/^24\/7$|^24\/7[,;]|^24 hours,? (a day,? )?(every day|7 days a week)/.test(text)) return { kind: 'always' };
  if (/^9am to midnight, every day$/.test(text)) return { kind: 'weekly', sessions: [{ days: [...ALL_DAYS], opens: '09:00', closes: '00:00' }] };
  return undefined;
}

// 999, 111, 116 xxx and 0800 numbers are free to call from UK phones; Shout says its texts are free.
const isFreeContact = (c: CrisisContact) => /free/i.test(c.who) || /^(999|111|116|0800)/.test(c.phone ?? '');

export function crisisServices(contacts: CrisisContact[]): DirectoryService[] {
  return contacts.map((c) => ({
    id: `crisis-${c.id}`,
    name: c.name,
    description: c.who,
    categories: ['crisis'],
    maxAge: c.maxAge,
    free: isFreeContact(c) || undefined,
    access: [...(c.phone ? (['phone'] as const) : []), ...(c.sms ? (['text'] as const) : [])],
    location: { kind: 'national' },
    contacts: { phone: c.phone, sms: c.sms, email: c.email, url: c.url },
    hours: crisisHours(c.hours),
  }));
}

/** One entry of national-services.json: only the fields a source confirmed are present. */
type NationalService = {
  id: string; name: string; phone?: string; sms?: { number: string; body?: string }; email?: string; url?: string;
  hours?: string; who: string; free?: boolean; categories: string[];
};

const CATEGORY_OF_NATIONAL: Record<string, Category> = {
  advice: 'advice', housing: 'advice', money: 'advice', legal: 'advice', immigration: 'advice',
  'education-work': 'education-work', 'mental-health': 'mental-health', lgbt: 'lgbtq', abuse: 'abuse',
};

/** "2026-12" is when the file was checked; each service carries it so the screen can say "checked December 2026". */
function nationalServices(services: NationalService[], checked: string): DirectoryService[] {
  return services.map((s) => {
    const hours = s.hours ? crisisHours(s.hours) : undefined;
    return {
      id: `national-${s.id}`,
      name: s.name,
      description: s.who,
      categories: [...new Set(s.categories.map((c) => CATEGORY_OF_NATIONAL[c]).filter(Boolean))],
      free: s.free || undefined,
      access: [...(s.phone ? (['phone'] as const) : []), ...(s.sms ? (['text'] as const) : []), ...(s.url || s.email ? (['online'] as const) : [])],
      location: { kind: 'national' },
      contacts: { phone: s.phone, sms: s.sms, email: s.email, url: s.url },
      hours,
      hoursText: !hours && s.hours ? s.hours : undefined,
      checked,
    };
  });
}

const CATEGORY_OF_KIND: Record<string, Category> = {
  crisis: 'crisis', 'mental-health': 'mental-health', nhs: 'mental-health', helpline: 'mental-health',
  social: 'social', arts: 'social', mentoring: 'social', uasc: 'social',
  advice: 'advice', money: 'advice', housing: 'advice', work: 'education-work',
};

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * Rough centres of the study's areas, so "near me" can put the nearer areas first. Each is the centre of the
 * postcode district of the area's main town, copied from the OS-derived outcode centroids we ship
 * (data/uk-outcode-centroids.csv). Used only for ordering: an area-level service never shows a distance.
 */
const AREA_CENTRES: Record<string, { lat: number; lng: number }> = {
  'Barking and Dagenham': { lat: 51.53402, lng: 0.099884 }, // IG11, Barking
  Liverpool: { lat: 53.402051, lng: -2.979837 }, // L1
  Stockport: { lat: 53.408558, lng: -2.147592 }, // SK1
  Surrey: { lat: 51.246095, lng: -0.552293 }, // GU1, Guildford, the county town
  Worcestershire: { lat: 52.199959, lng: -2.207516 }, // WR1, Worcester
};

function studyServices(services: StudyService[]): DirectoryService[] {
  return services.map((s) => {
    const online = s.kind.includes('online') || s.area === 'online';
    return {
      id: `study-${slug(s.area)}-${slug(s.name)}`,
      name: s.name,
      description: s.summary,
      categories: [...new Set(s.kind.map((k) => CATEGORY_OF_KIND[k]).filter(Boolean))],
      careLeaverSpecific: s.kind.includes('care-leaver-specific') || undefined,
      walkIn: s.kind.includes('drop-in') || undefined,
      access: online ? ['online'] : ['in-person'],
      location: s.area === 'online' ? { kind: 'national' } : { kind: 'area', area: s.area, ...AREA_CENTRES[s.area] },
      contacts: {},
    };
  });
}

export type NationalFile = { checked: string; services: NationalService[] };

export function defaultDirectory(contacts: CrisisContact[], study: StudyService[], national?: NationalFile): DirectoryService[] {
  const all = [...crisisServices(contacts), ...(national ? nationalServices(national.services, national.checked) : []), ...studyServices(study)];
  // JSON round trip drops the undefined fields, so the seed is what a pull would deliver.
  return JSON.parse(JSON.stringify(all)) as DirectoryService[];
}
