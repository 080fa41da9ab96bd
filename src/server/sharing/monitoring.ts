// Monthly anonymous figures for one council, from the synced records of young people who opted in.
import { isoToLondonWallTime } from '../../shared/appointments/london-time.ts';
import { type CouncilFigures, councilFigures, type MonitoringCheckin, type MonitoringOns4, recentMonths } from '../../shared/sharing/monitoring.ts';
import { operationalFigures, type OperationalMonth } from '../../shared/sharing/operational.ts';
import type { Db } from '../store/tables.ts';
import { loadReleases, saveReleases } from './figure-releases.ts';

export type CouncilFiguresWithService = CouncilFigures & { operational: OperationalMonth[] };

export async function figuresForCouncil(db: Db, council: string, monthCount: number, now = new Date()): Promise<CouncilFiguresWithService> {
  const months = recentMonths(now, monthCount);
  const people = await db.selectFrom('monitoring_consents').select('person_id').where('council', '=', council).execute();
  const ids = people.map((p) => p.person_id);
  const checkins: MonitoringCheckin[] = [];
  const ons4: MonitoringOns4[] = [];
  if (ids.length) {
    const rows = await db.selectFrom('records').select(['person_id', 'kind', 'data'])
      .where('person_id', 'in', ids).where('kind', 'in', ['checkin', 'ons4']).where('deleted', '=', 0).execute();
    for (const row of rows) {
      if (!row.data) continue;
      const data = JSON.parse(row.data) as Record<string, unknown>;
      const at = String(data.at);
      const month = isoToLondonWallTime(at).date.slice(0, 7);
      if (!months.includes(month)) continue;
      if (row.kind === 'checkin') checkins.push({ personId: row.person_id, month });
      else ons4.push({ personId: row.person_id, month, at: new Date(at).toISOString(), life: Number(data.life), worthwhile: Number(data.worthwhile), happy: Number(data.happy), anxious: Number(data.anxious) });
    }
  }
  // The service's own figures, from the same counted young people: their connection and what they shared.
  const links = ids.length ? await db.selectFrom('pa_links').select(['person_id', 'linked_at']).where('council', '=', council).where('person_id', 'in', ids).execute() : [];
  const since = `${months[months.length - 1]}-01`;
  const shares = ids.length ? await db.selectFrom('shares').select(['id', 'person_id', 'kind', 'shared_at', 'seen_at'])
    .where('person_id', 'in', ids).where('shared_at', '>=', since).execute() : [];
  const before = await loadReleases(db, council);
  const releases = { ...before };
  const figures = councilFigures(ids, months, checkins, ons4, releases);
  const operational = operationalFigures(months,
    links.map((l) => ({ personId: l.person_id, linkedAt: l.linked_at })),
    shares.map((s) => ({ id: s.id, personId: s.person_id, kind: s.kind, sharedAt: s.shared_at, seenAt: s.seen_at })), now, releases);
  await saveReleases(db, council, before, releases);
  return { ...figures, operational };
}
