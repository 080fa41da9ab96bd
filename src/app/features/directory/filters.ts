// The search and filters live in the address (?q=food&open=1), so Back from a service keeps them.
import type { DirectoryFilters } from '../../../shared/directory/search.ts';
import { CATEGORIES, type Category } from '../../../shared/directory/types.ts';

export type DirectoryQuery = { query: string; filters: DirectoryFilters; savedOnly: boolean };

const FLAGS = { open: 'openNow', cl: 'careLeaverOnly', o25: 'over25', free: 'free', walk: 'walkIn', remote: 'remote' } as const;

export function readQuery(params: URLSearchParams): DirectoryQuery {
  const filters: DirectoryFilters = {};
  const category = params.get('cat');
  if (category && (CATEGORIES as readonly string[]).includes(category)) filters.category = category as Category;
  for (const [param, key] of Object.entries(FLAGS)) if (params.get(param) === '1') filters[key] = true;
  const age = Number(params.get('age'));
  if (params.get('age') && Number.isInteger(age) && age > 0 && age < 120) filters.age = age;
  const language = params.get('lang');
  if (language && /^[a-z]{2,3}$/.test(language)) filters.language = language;
  return { query: params.get('q') ?? '', filters, savedOnly: params.get('saved') === '1' };
}

export const FLAG_PARAMS = Object.keys(FLAGS) as (keyof typeof FLAGS)[];
