// Our directory back out in ORUK 3.0 shape, so other tools can read it. Optional fields without a value are
// omitted (ORUK compliance guidance), never sent as null.
import type { DirectoryService } from '../../shared/directory/types.ts';

const DAY = { mo: 'MO', tu: 'TU', we: 'WE', th: 'TH', fr: 'FR', sa: 'SA', su: 'SU' } as const;

export function toOrukService(s: DirectoryService): Record<string, unknown> {
  const schedules = !s.hours ? [] : s.hours.kind === 'always'
    ? [{ id: `${s.id}-always`, freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR,SA,SU', opens_at: '00:00', closes_at: '23:59' }]
    : s.hours.sessions.map((x, i) => ({
        id: `${s.id}-schedule-${i}`, freq: 'WEEKLY', byday: x.days.map((d) => DAY[d]).join(','), opens_at: x.opens, closes_at: x.closes,
        ...(x.from ? { valid_from: x.from } : {}), ...(x.to ? { valid_to: x.to } : {}),
      }));
  const loc = s.location;
  return {
    id: s.id,
    name: s.name,
    status: 'active',
    ...(s.description ? { description: s.description } : {}),
    ...(s.contacts.url ? { url: s.contacts.url } : {}),
    ...(s.contacts.email ? { email: s.contacts.email } : {}),
    ...(s.minAge !== undefined ? { minimum_age: s.minAge } : {}),
    ...(s.maxAge !== undefined ? { maximum_age: s.maxAge } : {}),
    ...(s.updatedAt ? { last_modified: s.updatedAt } : {}),
    ...(s.organisation ? { organization: { id: `${s.id}-organization`, name: s.organisation, description: s.organisation } } : {}),
    ...(schedules.length ? { schedules } : {}),
    ...(loc.kind === 'point' ? {
      service_at_locations: [{ id: `${s.id}-at-location`, location: {
        id: `${s.id}-location`, location_type: 'physical', latitude: loc.lat, longitude: loc.lng,
        ...(loc.address ? { addresses: [{ id: `${s.id}-address`, address_1: loc.address, city: '', state_province: '', postal_code: loc.postcode ?? '', country: 'GB', address_type: 'physical' }] } : {}),
      } }],
    } : {}),
    ...(loc.kind === 'area' ? { service_areas: [{ id: `${s.id}-area`, name: loc.area }] } : {}),
    ...(s.contacts.phone ? { contacts: [{ id: `${s.id}-contact`, phones: [{ id: `${s.id}-phone`, number: s.contacts.phone }] }] } : {}),
    ...(s.languages?.length ? { languages: s.languages.map((code) => ({ id: `${s.id}-lang-${code}`, code })) } : {}),
    attributes: s.categories.map((c) => ({ id: `${s.id}-cat-${c}`, link_type: 'service', taxonomy_term: { id: `category-${c}`, name: c, taxonomy: 'care-leaver-app-categories' } })),
  };
}

export function orukPage(services: DirectoryService[], total: number, page: number, perPage: number) {
  const totalPages = Math.max(1, Math.ceil(total / perPage));
  return {
    total_items: total, total_pages: totalPages, page_number: page, size: services.length,
    first_page: page === 1, last_page: page >= totalPages, empty: services.length === 0,
    contents: services.map(toOrukService),
  };
}
