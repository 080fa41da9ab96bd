// Loads and saves the record of released manager figures for one council (what each was made from, and its value).
import type { Releases } from '../../shared/sharing/monitoring.ts';
import type { Db } from '../store/tables.ts';

export async function loadReleases(db: Db, council: string): Promise<Releases> {
  const rows = await db.selectFrom('figure_releases').select(['key', 'releases']).where('council', '=', council).execute();
  return Object.fromEntries(rows.map((r) => [r.key, JSON.parse(r.releases) as Releases[string]]));
}

/** Saves the keys whose list of releases grew since `before`. */
export async function saveReleases(db: Db, council: string, before: Releases, after: Releases): Promise<void> {
  for (const [key, list] of Object.entries(after)) {
    if (before[key]?.length === list.length) continue;
    const releases = JSON.stringify(list);
    await db.insertInto('figure_releases').values({ council, key, releases })
      .onConflict((oc) => oc.columns(['council', 'key']).doUpdateSet({ releases })).execute();
  }
}
