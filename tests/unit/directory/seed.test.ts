import { describe, expect, it } from 'vitest';
import crisis from '../../../src/shared/directory/data/crisis-contacts.json' with { type: 'json' };
import study from '../../../src/shared/directory/data/study-services.json' with { type: 'json' };
import { directoryServiceSchema } from '../../../src/shared/directory/schema.ts';
import { defaultDirectory } from '../../../src/shared/directory/seed.ts';

describe('the default directory', () => {
  const services = defaultDirectory(crisis.contacts, study.services);

  it('holds every crisis line and every study service, each valid', () => {
    expect(services).toHaveLength(crisis.contacts.length + study.services.length);
    for (const s of services) expect(directoryServiceSchema.safeParse(s).success).toBe(true);
  });
  it('gives study services no phone, address or hours, and only an area', () => {
    for (const s of services.filter((x) => x.id.startsWith('study-'))) {
      expect(s.contacts).toEqual({});
      expect(s.hours).toBeUndefined();
      expect(s.location.kind).not.toBe('point');
    }
  });
  it('keeps Samaritans on 116 123, open all the time', () => {
    const samaritans = services.find((s) => s.id === 'crisis-samaritans');
    expect(samaritans?.contacts.phone).toBe('116 123');
    expect(samaritans?.hours).toEqual({ kind: 'always' });
  });
});
