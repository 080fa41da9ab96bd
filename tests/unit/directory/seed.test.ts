import { describe, expect, it } from 'vitest';

import crisis from '../../../src/shared/directory/data/crisis-contacts.json' with { type: 'json' };
import national from '../../../src/shared/directory/data/national-services.json' with { type: 'json' };
import study from '../../../src/shared/directory/data/study-services.json' with { type: 'json' };
import { directoryServiceSchema } from '../../../src/shared/directory/schema.ts';
import { defaultDirectory } from '../../../src/shared/directory/seed.ts';

describe('the default directory', () => {
  const services = defaultDirectory(crisis.contacts, study.services, national);

  it('holds every crisis line, national service and study service, each valid', () => {
    expect(services).toHaveLength(crisis.contacts.length + national.services.length + study.services.length);
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
  it('ships the national services with only their confirmed fields, each checked December 2026', () => {
    const shipped = services.filter((s) => s.id.startsWith('national-'));
    expect(shipped).toHaveLength(17);
    for (const entry of national.services as { id: string; phone?: string; url?: string }[]) {
      const s = shipped.find((x) => x.id === `national-${entry.id}`)!;
      expect(s.checked).toBe('2026-12');
      expect(s.location).toEqual({ kind: 'national' });
      // Never a phone the file does not have.
      expect(s.contacts.phone).toBe(entry.phone);
      expect(s.contacts.url).toBe(entry.url);
    }
    expect(shipped.find((s) => s.id === 'national-rape-crisis-247-support-line')!.contacts.phone).toBeUndefined();
  });
  it('keeps times it cannot read as the provider wrote them, never as made-up hours', () => {
    const coram = services.find((s) => s.id === 'national-coram-voice-advocacy-helpline')!;
    expect(coram.hours).toBeUndefined();
    expect(coram.hoursText).toBe('Monday to Friday, 9.30am to 6pm');
    expect(services.find((s) => s.id === 'national-victim-support-supportline')!.hours).toEqual({ kind: 'always' });
  });
  it("has Papyrus open 24/7 as HOPELINE247", () => {
    const papyrus = services.find((s) => s.id === 'crisis-papyrus-hopelineuk')!;
    expect(papyrus.name).toBe('Papyrus HOPELINE247');
    expect(papyrus.hours).toEqual({ kind: 'always' });
  });
});
