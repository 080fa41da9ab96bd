// A directory service as phones store it: a compact, Open Referral UK-compatible shape (see oruk.ts in the server
// for the mapping). Kept free of zod so screens that only read services stay small.

/** What a service helps with; the directory's category filter. "advice" covers housing, money, immigration and legal. */
export const CATEGORIES = [
  'crisis', 'mental-health', 'advice', 'social', 'lgbtq', 'drugs-alcohol', 'food', 'education-work', 'abuse',
] as const;
export type Category = (typeof CATEGORIES)[number];

/** How someone can reach the service. */
export const ACCESS_MODES = ['in-person', 'phone', 'text', 'online'] as const;
export type AccessMode = (typeof ACCESS_MODES)[number];

export const WEEKDAYS = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * One opening session in Europe/London wall-clock time. A session whose `closes` is not after `opens` runs past
 * midnight into the next day (22:00–06:00). `from`/`to` (YYYY-MM-DD) limit when the session applies.
 */
export type Session = { days: Weekday[]; opens: string; closes: string; from?: string; to?: string };

/** Opening hours: always open, a weekly timetable (split sessions are two sessions), or unknown (omitted). */
export type OpeningHours =
  | { kind: 'always' }
  | { kind: 'weekly'; sessions: Session[]; closed?: { from: string; to: string }[] };

/** Where a service is: an exact point, only an area (never shown as a distance), or the whole country. */
export type ServiceLocation =
  | { kind: 'point'; lat: number; lng: number; address?: string; postcode?: string }
  | { kind: 'area'; area: string; lat?: number; lng?: number }
  | { kind: 'national' };

export type ServiceContacts = {
  phone?: string;
  sms?: { number: string; body?: string };
  email?: string;
  url?: string;
};

export type DirectoryService = {
  id: string;
  name: string;
  organisation?: string;
  /** Plain text (sanitised on import). */
  description: string;
  /** Who it is for, in the provider's words. */
  whoFor?: string;
  categories: Category[];
  careLeaverSpecific?: boolean;
  minAge?: number;
  maxAge?: number;
  /** ISO 639-1 codes of languages spoken (besides English when empty). */
  languages?: string[];
  free?: boolean;
  walkIn?: boolean;
  access: AccessMode[];
  location: ServiceLocation;
  contacts: ServiceContacts;
  hours?: OpeningHours;
  /**
   * The provider's own words for when it is open, shown as written when they can't be read as a timetable
   * ("Monday to Friday, 9.30am to 6pm"). Never turned into hours we'd have to guess.
   */
  hoursText?: string;
  /** Month (YYYY-MM) every field was last checked against the provider's pages: shown as "checked December 2026". */
  checked?: string;
  /** Last change at the source (ISO 8601). */
  updatedAt?: string;
};
