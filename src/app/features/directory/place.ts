// Where the person last said they are (a postcode district or their location), kept on this phone only.
import type { LatLng } from '../../../shared/directory/distance.ts';

export type Place = LatLng & { label: string };
const KEY = 'directory.place';

export function rememberedPlace(): Place | undefined {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return undefined;
    const place = JSON.parse(raw) as Place;
    return typeof place.lat === 'number' && typeof place.lng === 'number' ? place : undefined;
  } catch {
    return undefined;
  }
}

export function rememberPlace(place: Place | undefined): void {
  try {
    if (place) localStorage.setItem(KEY, JSON.stringify(place));
    else localStorage.removeItem(KEY);
  } catch {
    // Storage blocked: the place still works for this visit.
  }
}

let centroids: Promise<Map<string, LatLng>> | undefined;

/** Loads the postcode-district centres (about 30 KB gzip) only when someone first types a postcode. */
export function loadOutcodeCentroids(): Promise<Map<string, LatLng>> {
  centroids ??= Promise.all([
    fetch('/data/uk-outcode-centroids.csv').then((r) => {
      if (!r.ok) throw new Error(`centroids ${r.status}`);
      return r.text();
    }),
    import('../../../shared/directory/postcode.ts'),
  ]).then(([csv, { parseOutcodeCentroids }]) => parseOutcodeCentroids(csv));
  centroids.catch(() => { centroids = undefined; });
  return centroids;
}
