// Managers see anonymous monthly figures for their own council (k ≥ 10); admins see the audit log, never content.
import type { FastifyInstance } from 'fastify';

import { validate } from '../http/errors.ts';
import { monthsQuery, noQuery } from '../http/query.ts';
import { figuresForCouncil } from './monitoring.ts';
import { requireStaff, staffOf } from './sessions.ts';

// Built once, not per request: zod compiles a schema the first time it runs it.


export async function paManagerRoutes(app: FastifyInstance): Promise<void> {
  const db = app.store.db;

  app.get('/manager/figures', { onRequest: requireStaff('manager') }, async (request) => {
    const { months } = validate(monthsQuery, request.query);
    const staff = staffOf(request);
    return { council: staff.council, ...(await figuresForCouncil(db, staff.council, months)) };
  });

  app.get('/admin/audit', { onRequest: requireStaff('admin') }, async (request) => {
    validate(noQuery, request.query);
    const rows = await db.selectFrom('audit_log').selectAll().orderBy('at', 'desc').limit(500).execute();
    return { entries: rows.map((r) => ({ actorId: r.actor_id, action: r.action, personId: r.person_id, at: r.at })) };
  });
}
