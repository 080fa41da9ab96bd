// Our directory back out in ORUK 3.0 shape, valid against the Open Referral UK profile, so other tools can read
// it. Optional fields without a value are omitted (ORUK compliance guidance), never sent as null.
import { createHash } from 'node:crypto';

import type { DirectoryService } from '../../shared/directory/types.ts';

const DAY = { mo: 'MO', tu: 'TU', we: 'WE', th: 'TH', fr: 'FR', sa: 'SA', su: 'SU' } as const;

/** Our namespace for UUID v5 ids. Never change it: other directories keep our ids to match later exports. */
const ID_NAMESPACE = '661af594-76ca-419b-95b8-c44e3143307d';
const namespaceBytes = Buffer.from(ID_NAMESPACE.replace(/-/g, ''), 'hex');

/** RFC 9562 UUID v5: the same name always gives the same id, so an exported service keeps its id for ever. */
export function uuidV5(name: string): string {
  const hash = createHash('sha1').update(namespaceBytes).update(name, 'utf8').digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * `publicUrl` is where our own page for the service is (https://…/directory/service/ID): the profile asks every
 * service for a url, and for a service with no website of its own our page is the true one.
 */
export function toOrukService(s: DirectoryService, publicUrl: string): Record<string, unknown> {
  const id = uuidV5(s.id);
  const part = (what: string) => uuidV5(`${s.id}#${what}`);
  const schedules = !s.hours ? [] : s.hours.kind === 'always'
    ? [{ id: part('always'), service_id: id, freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR,SA,SU', opens_at: '00:00', closes_at: '23:59' }]
    : s.hours.sessions.map((x, i) => ({
        id: part(`schedule-${i}`), service_id: id, freq: 'WEEKLY', byday: x.days.map((d) => DAY[d]).join(','), opens_at: x.opens, closes_at: x.closes,
        ...(x.from ? { valid_from: x.from } : {}), ...(x.to ? { valid_to: x.to } : {}),
      }));
  const loc = s.location;
  const ownPage = `${publicUrl.replace(/\/$/, '')}/directory/service/${encodeURIComponent(s.id)}`;
  return {
    id,
    name: s.name,
    status: 'active',
    ...(s.description ? { description: s.description } : {}),
    url: s.contacts.url ?? ownPage,
    ...(s.contacts.email ? { email: s.contacts.email } : {}),
    ...(s.minAge !== undefined ? { minimum_age: s.minAge } : {}),
    ...(s.maxAge !== undefined ? { maximum_age: s.maxAge } : {}),
    ...(s.updatedAt ? { last_modified: s.updatedAt } : {}),
    ...(s.organisation ? { organization: { id: part('organization'), name: s.organisation, description: s.organisation } } : {}),
    ...(schedules.length ? { schedules } : {}),
    ...(loc.kind === 'point' ? {
      service_at_locations: [{ id: part('at-location'), service_id: id, location: {
        id: part('location'), location_type: 'physical', latitude: loc.lat, longitude: loc.lng,
        ...(loc.address ? { addresses: [{ id: part('address'), location_id: part('location'), address_1: loc.address, city: '', state_province: '', postal_code: loc.postcode ?? '', country: 'GB', address_type: 'physical' }] } : {}),
      } }],
    } : {}),
    ...(loc.kind === 'area' ? { service_areas: [{ id: part('area'), service_id: id, name: loc.area }] } : {}),
    ...(s.contacts.phone ? { contacts: [{ id: part('contact'), service_id: id, phones: [{ id: part('phone'), number: s.contacts.phone }] }] } : {}),
    ...(s.languages?.length ? { languages: s.languages.map((code) => ({ id: part(`lang-${code}`), service_id: id, code })) } : {}),
    attributes: s.categories.map((c) => ({
      id: part(`cat-${c}`), link_type: 'service', link_id: id,
      taxonomy_term: { id: uuidV5(`category#${c}`), name: c, description: c, taxonomy: 'care-leaver-app-categories' },
    })),
  };
}

export function orukPage(services: DirectoryService[], total: number, page: number, perPage: number, publicUrl: string) {
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  return {
    total_items: total, total_pages: totalPages, page_number: page, size: services.length,
    first_page: page === 1, last_page: page >= totalPages, empty: services.length === 0,
    contents: services.map((s) => toOrukService(s, publicUrl)),
  };
}
