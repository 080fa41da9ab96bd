// Invented directory services for benchmarks: every name says "Example", none is a real organisation.
import type { Category, DirectoryService, OpeningHours } from '../../src/shared/directory/types.ts';
import { CATEGORIES } from '../../src/shared/directory/types.ts';

const WORDS = ['counselling', 'food bank', 'housing advice', 'drop-in café', 'youth club', 'legal advice', 'job club',
  'LGBTQ+ group', 'drug and alcohol support', 'mentoring', 'immigration advice', 'money advice', 'art group', 'college help'];
const LANGS = ['ar', 'fa', 'ps', 'ti', 'ku', 'so', 'sq', 'vi', 'am'];

// A small deterministic generator, so every run measures the same directory.
function random(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

// Imports keep coordinates to five decimals (about a metre), so the invented ones do too.
const round5 = (degrees: number) => Math.round(degrees * 1e5) / 1e5;

function hoursFor(n: number): OpeningHours | undefined {
  switch (n % 5) {
    case 0: return { kind: 'always' };
    case 1: return { kind: 'weekly', sessions: [{ days: ['mo', 'tu', 'we', 'th', 'fr'], opens: '09:00', closes: '17:00' }] };
    case 2: return { kind: 'weekly', sessions: [{ days: ['tu', 'th'], opens: '10:00', closes: '12:30' }, { days: ['tu', 'th'], opens: '14:00', closes: '16:00' }] };
    case 3: return { kind: 'weekly', sessions: [{ days: ['fr', 'sa'], opens: '22:00', closes: '06:00' }] };
    default: return undefined;
  }
}

export function exampleServices(count: number, seed = 42): DirectoryService[] {
  const next = random(seed);
  return Array.from({ length: count }, (_, i) => {
    const word = WORDS[i % WORDS.length];
    const category: Category = CATEGORIES[i % CATEGORIES.length];
    const number = String(i + 1).padStart(5, '0');
    return {
      id: `example-${number}`,
      name: `Example ${word} ${number}`,
      organisation: `Example Charity ${Math.floor(i / 10)}`,
      description: `An invented ${word} service for benchmarks. Free, friendly and open to young people.`,
      categories: [category, ...(i % 7 === 0 ? (['mental-health'] as Category[]) : [])],
      ...(i % 4 === 0 ? { careLeaverSpecific: true } : {}),
      ...(i % 3 === 0 ? { minAge: 16, maxAge: 25 } : {}),
      ...(i % 6 === 0 ? { languages: [LANGS[i % LANGS.length]] } : {}),
      ...(i % 2 === 0 ? { free: true } : {}),
      ...(i % 5 === 1 ? { walkIn: true } : {}),
      access: i % 3 === 0 ? ['in-person', 'phone'] : ['in-person'],
      location: i % 10 === 9 ? { kind: 'area', area: `Example Area ${i % 50}` } : { kind: 'point', lat: round5(50.5 + next() * 4.5), lng: round5(-3.5 + next() * 4) },
      contacts: { phone: `0161 496 ${String(i % 10000).padStart(4, '0')}` },
      ...(hoursFor(i) ? { hours: hoursFor(i) } : {}),
    } satisfies DirectoryService;
  });
}
