// Straight-line distance between two places, in miles, rounded the way a person would say it.
import { intlLocale } from '../languages.ts';
export type LatLng = { lat: number; lng: number };

const EARTH_RADIUS_MILES = 3958.8;
const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** Great-circle (haversine) distance in miles. */
export function milesBetween(a: LatLng, b: LatLng): number {
  const dLat = toRadians(b.lat - a.lat);
  const dLng = toRadians(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Rounds for display: a tenth of a mile under 10 miles (never 0: at least 0.1), whole miles after.
 * Centroids are only approximate, so more precision would be a false promise.
 * @internal exported for its tests (knip --production)
 */
export function roundMiles(miles: number): number {
  if (!Number.isFinite(miles) || miles < 0) throw new RangeError(`Distance must be a positive number, got ${miles}`);
  if (miles < 10) return Math.max(0.1, Math.round(miles * 10) / 10);
  return Math.round(miles);
}

export const KM_PER_MILE = 1.609344;
export type DistanceUnit = 'mile' | 'kilometer';

/** "About 3 km" / "about 2 miles" in the reader's language and units, Intl choosing the right plural. */
export function formatDistance(miles: number, unit: DistanceUnit, language: string): string {
  return formatAmount(roundMiles(unit === 'kilometer' ? miles * KM_PER_MILE : miles), unit, language);
}

/** "10 miles", "10 kilometres", in the language's Intl locale (the languages table makes "en" British). */
export function formatAmount(amount: number, unit: DistanceUnit, language: string): string {
  return new Intl.NumberFormat(intlLocale(language), { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 1 }).format(amount);
}
