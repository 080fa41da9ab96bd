// Managers see anonymous monthly figures for their own council (k ≥ 10); admins see the audit log, never content.
import type { FastifyInstance } from 'fastify';

import { validate } from '../http/errors.ts';
import { monthsQuery, noQuery } from '../http/query.ts';
import { latestAudit } from './accounts.ts';
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
    return { entries: await latestAudit(db) };
  });
}
