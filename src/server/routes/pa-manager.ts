// Managers see anonymous monthly figures for their own council (k ≥ 10); admins see the audit log, never content.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { validate } from '../http/errors.ts';
import { figuresForCouncil } from '../pa/monitoring.ts';
import { requireStaff, staffOf } from '../pa/sessions.ts';
import { sharingDb } from '../pa/tables.ts';

// Built once, not per request: zod compiles a schema the first time it runs it.
const noQuery = z.strictObject({});

const figuresQuery = z.strictObject({ months: z.string().regex(/^\d{1,2}$/, 'Must be a whole number of months (1–24)').optional() });

export async function paManagerRoutes(app: FastifyInstance): Promise<void> {
  const db = sharingDb(app.store);

  app.get('/manager/figures', { onRequest: requireStaff('manager') }, async (request) => {
    const { months } = validate(figuresQuery, request.query);
    const count = Math.min(24, Math.max(1, Number(months ?? 6)));
    const staff = staffOf(request);
    return { council: staff.council, ...(await figuresForCouncil(db, staff.council, count)) };
  });

  app.get('/admin/audit', { onRequest: requireStaff('admin') }, async (request) => {
    validate(noQuery, request.query);
    const rows = await db.selectFrom('audit_log').selectAll().orderBy('at', 'desc').limit(500).execute();
    return { entries: rows.map((r) => ({ actorId: r.actor_id, action: r.action, personId: r.person_id, at: r.at })) };
  });
}
