import { describe, expect, it } from 'vitest';

import { formatDistance } from '../../../src/shared/directory/distance.ts';
import { buildSearchIndex, distancesFrom, findServices, foldText, searchServices, wordMatches } from '../../../src/shared/directory/search.ts';
import type { AccessMode, DirectoryService } from '../../../src/shared/directory/types.ts';

const base = { description: '', categories: [], access: ['in-person'] as AccessMode[], contacts: {} };
const services: DirectoryService[] = [
  { ...base, id: 'a', name: 'Example Café Drop-in 0001', categories: ['social'], walkIn: true, free: true,
    location: { kind: 'point', lat: 53.41, lng: -2.16 }, hours: { kind: 'weekly', sessions: [{ days: ['we'], opens: '10:00', closes: '14:00' }] } },
  { ...base, id: 'b', name: 'Example Counselling 0002', categories: ['mental-health'], careLeaverSpecific: true, maxAge: 25,
    location: { kind: 'point', lat: 53.48, lng: -2.24 }, languages: ['ar'] },
  { ...base, id: 'c', name: 'Example Housing Advice 0003', categories: ['advice'], access: ['phone'],
    location: { kind: 'area', area: 'Stockport' }, hours: { kind: 'always' } },
  { ...base, id: 'd', name: 'Example Counselling Far Away 0004', categories: ['mental-health'],
    location: { kind: 'point', lat: 51.5, lng: -0.12 } },
];
const index = buildSearchIndex(services);
const stockport = { lat: 53.405, lng: -2.155 };
const wednesdayNoon = new Date('2025-01-15T12:00:00Z');
const ids = (hits: { service: DirectoryService }[]) => hits.map((h) => h.service.id);

describe('directory search', () => {
  it('folds accents and case', () => {
    expect(foldText('CAFÉ Crème')).toBe('cafe creme');
    expect(ids(searchServices(index, { query: 'cafe' }))).toEqual(['a']);
    expect(ids(searchServices(index, { query: 'CAFÉ' }))).toEqual(['a']);
  });
  it('forgives a small typo', () => {
    expect(wordMatches('councelling', 'counselling')).toBe(true);
    expect(wordMatches('hosuing', 'housing')).toBe(true);
    expect(wordMatches('cat', 'cafe')).toBe(false);
    expect(ids(searchServices(index, { query: 'councelling' })).sort()).toEqual(['b', 'd']);
  });
  it('needs every typed word to match', () => {
    expect(ids(searchServices(index, { query: 'counselling far' }))).toEqual(['d']);
  });
  it('sorts exact places by distance, then area-only services with no made-up distance', () => {
    const hits = searchServices(index, { from: stockport });
    expect(ids(hits)).toEqual(['a', 'b', 'd', 'c']);
    expect(hits[0].miles).toBeLessThan(1);
    expect(hits[3].miles).toBeUndefined();
  });
  it('puts nearer areas first by their rough centre, still without a made-up distance', () => {
    const areas: DirectoryService[] = [
      { ...base, id: 'far-area', name: 'Example Group in a Far Area 0005', location: { kind: 'area', area: 'Example Far Area', lat: 51.25, lng: -0.55 } },
      { ...base, id: 'near-area', name: 'Example Group in a Near Area 0006', location: { kind: 'area', area: 'Example Near Area', lat: 53.41, lng: -2.15 } },
      { ...base, id: 'no-centre', name: 'Example Area With No Centre 0007', location: { kind: 'area', area: 'Example Unknown Area' } },
      { ...base, id: 'exact', name: 'Example Exact Place 0008', location: { kind: 'point', lat: 53.45, lng: -2.2 } },
    ];
    const hits = searchServices(buildSearchIndex(areas), { from: stockport });
    expect(ids(hits)).toEqual(['near-area', 'exact', 'far-area', 'no-centre']);
    expect(hits.find((h) => h.service.id === 'near-area')!.miles).toBeUndefined();
    expect(hits.find((h) => h.service.id === 'exact')!.miles).toBeGreaterThan(0);
    const firstTwo = findServices(buildSearchIndex(areas), { from: stockport, limit: 2 });
    expect(ids(firstTwo.hits)).toEqual(['near-area', 'exact']);
  });
  it('combines filters', () => {
    expect(ids(searchServices(index, { filters: { category: 'mental-health', careLeaverOnly: true } }))).toEqual(['b']);
    expect(ids(searchServices(index, { filters: { language: 'ar' } }))).toEqual(['b']);
    expect(ids(searchServices(index, { filters: { free: true, walkIn: true } }))).toEqual(['a']);
    expect(ids(searchServices(index, { filters: { remote: true } }))).toEqual(['c']);
  });
  it('finds services that still help after 25 and ones that take a given age', () => {
    expect(ids(searchServices(index, { filters: { over25: true } }))).not.toContain('b');
    expect(ids(searchServices(index, { filters: { age: 30 } }))).not.toContain('b');
    expect(ids(searchServices(index, { filters: { age: 19 } }))).toContain('b');
  });
  it('keeps only services open at the given time', () => {
    expect(ids(searchServices(index, { filters: { openNow: true }, at: wednesdayNoon })).sort()).toEqual(['a', 'c']);
    expect(ids(searchServices(index, { filters: { openNow: true }, at: new Date('2025-01-15T20:00:00Z') }))).toEqual(['c']);
  });
});

describe('showing only the first screenful', () => {
  it('gives the same first results and the same count as sorting everything', async () => {
    const fc = await import('fast-check');
    const { exampleServices } = await import('../../bench/example-services.ts');
    const many = buildSearchIndex(exampleServices(400, 7));
    fc.assert(
      fc.property(
        fc.record({ lat: fc.double({ min: 50, max: 55, noNaN: true }), lng: fc.double({ min: -4, max: 1, noNaN: true }) }),
        fc.integer({ min: 1, max: 60 }),
        fc.constantFrom('', 'c', 'food', 'advice', 'councelling'),
        fc.boolean(),
        (from, limit, query, openNow) => {
          const options = { query, from, filters: { openNow }, at: wednesdayNoon };
          const all = searchServices(many, options);
          const { hits, total } = findServices(many, { ...options, limit });
          expect(total).toBe(all.length);
          expect(ids(hits)).toEqual(ids(all.slice(0, limit)));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('near me that means near', () => {
  const national: DirectoryService = { ...base, id: 'n', name: 'Example National Line 0009', categories: ['advice'], access: ['phone'], location: { kind: 'national' } };
  const withNational = buildSearchIndex([...services, national]);
  const withCentre: DirectoryService = { ...base, id: 'e', name: 'Example Stockport Group 0010', location: { kind: 'area', area: 'Stockport', lat: 53.4086, lng: -2.1476 } };
  const leeds = { lat: 53.798097, lng: -1.551366 }; // LS1 centre

  it('keeps only places within the radius, nearest first, then national services', () => {
    const hits = searchServices(buildSearchIndex([...services, national, withCentre]), { from: stockport, radiusMiles: 10 });
    expect(ids(hits)).toEqual(['e', 'a', 'b', 'n']);
    // An area with no known centre and a place 160 miles away never pretend to be near.
    expect(ids(hits)).not.toContain('c');
    expect(ids(hits)).not.toContain('d');
  });
  it('fills the list with national services when nothing is near', () => {
    expect(ids(searchServices(withNational, { from: leeds, radiusMiles: 10 }))).toEqual(['n']);
  });
  it('gives the same results from distances worked out once per place as from working them out each time', () => {
    const distances = distancesFrom(withNational, stockport);
    for (const query of ['', 'ex', 'counselling', 'line']) {
      const once = findServices(withNational, { query, from: stockport, distances, radiusMiles: 200, limit: 3 });
      const each = findServices(withNational, { query, from: stockport, radiusMiles: 200, limit: 3 });
      expect(once).toEqual(each);
    }
  });
  it('says distances in the reader\'s units and language', () => {
    expect(formatDistance(1.86, 'mile', 'en-GB')).toBe('1.9 miles');
    expect(formatDistance(1.86, 'kilometer', 'en-GB')).toBe('3 kilometres');
    expect(formatDistance(1, 'mile', 'en-GB')).toBe('1 mile');
    expect(formatDistance(1.86, 'kilometer', 'ar')).toMatch(/كيلومتر/);
  });
});
