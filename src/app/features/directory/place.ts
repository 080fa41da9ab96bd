// Where the person last said they are (a postcode district or their location), kept on this phone only.
import { type DistanceUnit, KM_PER_MILE, type LatLng } from '../../../shared/directory/distance.ts';
import { readPersonal, writePersonal } from '../../data/lock/sealedStorage.ts';
import { fetchFile } from '../../sync/api.ts';

export type Place = LatLng & { label: string };
const KEY = 'directory.place';

export function rememberedPlace(): Place | undefined {
  try {
    const raw = readPersonal('local', KEY);
    if (!raw) return undefined;
    const place = JSON.parse(raw) as Place;
    return typeof place.lat === 'number' && typeof place.lng === 'number' ? place : undefined;
  } catch {
    return undefined;
  }
}

export function rememberPlace(place: Place | undefined): void {
  try {
    writePersonal('local', KEY, place ? JSON.stringify(place) : null);
  } catch {
    // Storage blocked: the place still works for this visit.
  }
}

/** How far "near" reaches, in the unit the person reads distances in. */
export type Reach = { radius: number; unit: DistanceUnit };
export const RADIUS_CHOICES = [2, 5, 10, 25, 50] as const;
const REACH_KEY = 'directory.reach';
// Ten miles is a bus ride in a city and the next town in the country; the person can widen or narrow it.
const DEFAULT_REACH: Reach = { radius: 10, unit: 'mile' };

export function rememberedReach(): Reach {
  try {
    const reach = JSON.parse(localStorage.getItem(REACH_KEY) ?? 'null') as Reach | null;
    if (reach && (RADIUS_CHOICES as readonly number[]).includes(reach.radius) && (reach.unit === 'mile' || reach.unit === 'kilometer')) return reach;
  } catch {
    // Storage blocked or garbled: the default is fine.
  }
  return DEFAULT_REACH;
}

export function rememberReach(reach: Reach): void {
  try { localStorage.setItem(REACH_KEY, JSON.stringify(reach)); } catch { /* for this visit only */ }
}

export const radiusInMiles = (reach: Reach) => (reach.unit === 'kilometer' ? reach.radius / KM_PER_MILE : reach.radius);

let centroids: Promise<Map<string, LatLng>> | undefined;

/** Loads the postcode-district centres (about 30 KB gzip) only when someone first types a postcode. */
export function loadOutcodeCentroids(): Promise<Map<string, LatLng>> {
  centroids ??= Promise.all([
    fetchFile('/data/uk-outcode-centroids.csv').then((r) => r.text()),
    import('../../../shared/directory/postcode.ts'),
  ]).then(([csv, { parseOutcodeCentroids }]) => parseOutcodeCentroids(csv));
  centroids.catch(() => { centroids = undefined; });
  return centroids;
}
