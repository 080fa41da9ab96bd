import { describe, expect, it } from 'vitest';

import { milesBetween, roundMiles } from '../../../src/shared/directory/distance.ts';
import { parseOutcodeCentroids, parsePostcode } from '../../../src/shared/directory/postcode.ts';

describe('distance', () => {
  it('measures London to Manchester as about 163 miles', () => {
    const london = { lat: 51.5074, lng: -0.1278 };
    const manchester = { lat: 53.4808, lng: -2.2426 };
    expect(milesBetween(london, manchester)).toBeGreaterThan(160);
    expect(milesBetween(london, manchester)).toBeLessThan(166);
  });
  it('is zero from a place to itself', () => {
    expect(milesBetween({ lat: 53.4, lng: -2.1 }, { lat: 53.4, lng: -2.1 })).toBe(0);
  });
  it('rounds to a tenth of a mile nearby, whole miles further away, and never says 0', () => {
    expect(roundMiles(0.01)).toBe(0.1);
    expect(roundMiles(2.345)).toBe(2.3);
    expect(roundMiles(9.96)).toBe(10);
    expect(roundMiles(12.6)).toBe(13);
    expect(() => roundMiles(-1)).toThrow(RangeError);
  });
});

describe('postcode parsing', () => {
  it('reads a district on its own', () => {
    expect(parsePostcode('SK1')).toEqual({ ok: true, outcode: 'SK1' });
  });
  it('reads a full postcode in lower case with stray spaces', () => {
    expect(parsePostcode('  sk1   3xe ')).toEqual({ ok: true, outcode: 'SK1', full: 'SK1 3XE' });
    expect(parsePostcode('sk13xe')).toEqual({ ok: true, outcode: 'SK1', full: 'SK1 3XE' });
  });
  it('reads London-style districts with a letter at the end', () => {
    expect(parsePostcode('ec1a 1bb')).toEqual({ ok: true, outcode: 'EC1A', full: 'EC1A 1BB' });
    expect(parsePostcode('W1A')).toEqual({ ok: true, outcode: 'W1A' });
  });
  it('gives a clear reason for nonsense and for nothing typed', () => {
    expect(parsePostcode('hello there')).toEqual({ ok: false, reason: 'not-a-postcode' });
    expect(parsePostcode('12345')).toEqual({ ok: false, reason: 'not-a-postcode' });
    expect(parsePostcode('   ')).toEqual({ ok: false, reason: 'empty' });
  });
  it('loads the district centres from the shipped CSV', () => {
    const table = parseOutcodeCentroids('outcode,latitude,longitude\nSK1,53.40,-2.15\nAB10,57.13,-2.12\n');
    expect(table.get('SK1')).toEqual({ lat: 53.4, lng: -2.15 });
    expect(table.size).toBe(2);
  });
});
