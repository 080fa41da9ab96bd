// The authorization matrix: every sharing/PA endpoint × every kind of caller. Exactly the allowed calls
// succeed; every other call gets 401/403/404, carries none of young person A's data and changes nothing.
import { randomUUID } from 'node:crypto';

import Fastify, { type FastifyInstance, type InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { buildServer } from '../../src/server/app.ts';
import { loadConfig } from '../../src/server/config.ts';
import { devicesRoutes } from '../../src/server/identity/routes.ts';
import { paManagerRoutes } from '../../src/server/sharing/manager-routes.ts';
import { paCoverRoutes } from '../../src/server/sharing/pa-cover-routes.ts';
import { paDayRoutes } from '../../src/server/sharing/pa-day-routes.ts';
import { paPushRoutes } from '../../src/server/sharing/pa-push-routes.ts';
import { paRoutes } from '../../src/server/sharing/pa-routes.ts';
import { sharingRoutes } from '../../src/server/sharing/routes.ts';
import { ukDay } from '../../src/shared/sharing/schemas.ts';
import { checkin, type Device, registerDevice } from './helpers/api.ts';
import { DIALECTS, freshDatabase, type TestDatabase } from './helpers/databases.ts';
import { asPhone, asStaff, connect, HOST, ORIGIN, pairingCode, signedInStaff, type Staff } from './sharing-helpers.ts';

const ACTORS = ['nobody', 'youngPersonA', 'youngPersonB', 'paOfA', 'paSameCouncil', 'paOtherCouncil', 'manager', 'admin'] as const;
type Actor = (typeof ACTORS)[number];

type World = { a: Device; b: Device; aPersonId: string; aShareId: string; aNote: string; aRecord: ReturnType<typeof checkin>; aCodeId: string; coverId: string; futureCoverId: string };
type Staffs = Record<'paOfA' | 'paSameCouncil' | 'paOtherCouncil' | 'manager' | 'admin', Staff>;

/** 'ok' = may act on A's things; 'own' = succeeds but only on the caller's own things (must show none of A's). */
type Endpoint = { name: string; request: (w: World, staff: Staffs, actor: Actor) => Promise<InjectOptions> | InjectOptions; allowed: Partial<Record<Actor, 'ok' | 'own'>>; freshSession?: boolean };

const allStaffOwn = { paOfA: 'own', paSameCouncil: 'own', paOtherCouncil: 'own', manager: 'own', admin: 'own' } as const;
const phonesOwn = { youngPersonA: 'ok', youngPersonB: 'own' } as const;

const ENDPOINTS: Endpoint[] = [
  { name: 'GET /my-pa', request: () => ({ method: 'GET', url: '/api/v1/my-pa' }), allowed: phonesOwn },
  { name: 'POST /my-pa/connect', request: async (_w, s) => ({ method: 'POST', url: '/api/v1/my-pa/connect', payload: { code: await pairingCodeFor(s.paOfA) } }), allowed: { youngPersonA: 'ok', youngPersonB: 'own' } },
  { name: 'DELETE /my-pa', request: () => ({ method: 'DELETE', url: '/api/v1/my-pa' }), allowed: phonesOwn },
  { name: 'POST /my-pa/shares (A’s item)', request: (w) => ({ method: 'POST', url: '/api/v1/my-pa/shares', payload: { kind: 'checkin', record: { ...w.aRecord, note: 'overwritten' } } }), allowed: { youngPersonA: 'ok' } },
  { name: 'DELETE /my-pa/shares/:id (A’s item)', request: (w) => ({ method: 'DELETE', url: `/api/v1/my-pa/shares/${w.aShareId}` }), allowed: { youngPersonA: 'ok' } },
  { name: 'PUT /my-pa/monitoring', request: () => ({ method: 'PUT', url: '/api/v1/my-pa/monitoring', payload: { optIn: true } }), allowed: phonesOwn },
  { name: 'POST /recovery-code', request: () => ({ method: 'POST', url: '/api/v1/recovery-code' }), allowed: phonesOwn },
  { name: 'GET /my-devices', request: () => ({ method: 'GET', url: '/api/v1/my-devices' }), allowed: phonesOwn },
  { name: 'DELETE /my-devices/:id (A’s phone)', request: (w) => ({ method: 'DELETE', url: `/api/v1/my-devices/${w.a.deviceId}` }), allowed: { youngPersonA: 'ok' } },
  { name: 'GET /pa/me', request: () => ({ method: 'GET', url: '/api/v1/pa/me' }), allowed: allStaffOwn },
  {
    name: 'POST /pa/password',
    // Each staff member "changes" to the same password, so later calls can still sign in with it.
    request: (_w, s, actor) => {
      const own = actor in s ? s[actor as keyof Staffs].password : 'not-signed-in-password';
      return { method: 'POST', url: '/api/v1/pa/password', payload: { currentPassword: own, newPassword: own } };
    },
    allowed: allStaffOwn,
  },
  { name: 'POST /pa/logout', request: () => ({ method: 'POST', url: '/api/v1/pa/logout' }), allowed: allStaffOwn, freshSession: true },
  { name: 'GET /pa/caseload', request: () => ({ method: 'GET', url: '/api/v1/pa/caseload' }), allowed: { paOfA: 'ok', paSameCouncil: 'own', paOtherCouncil: 'own' } },
  { name: 'GET /pa/people/:id (A)', request: (w) => ({ method: 'GET', url: `/api/v1/pa/people/${w.aPersonId}` }), allowed: { paOfA: 'ok' } },
  { name: 'GET /pa/caseload/export.csv', request: () => ({ method: 'GET', url: '/api/v1/pa/caseload/export.csv' }), allowed: { paOfA: 'ok', paSameCouncil: 'own', paOtherCouncil: 'own' } },
  { name: 'GET /pa/people/:id/export.csv (A)', request: (w) => ({ method: 'GET', url: `/api/v1/pa/people/${w.aPersonId}/export.csv` }), allowed: { paOfA: 'ok' } },
  { name: 'POST /pa/shares/:id/seen (A’s item)', request: (w) => ({ method: 'POST', url: `/api/v1/pa/shares/${w.aShareId}/seen`, payload: { reply: 'ok' } }), allowed: { paOfA: 'ok' } },
  { name: 'POST /pa/pairing-codes', request: () => ({ method: 'POST', url: '/api/v1/pa/pairing-codes' }), allowed: { paOfA: 'own', paSameCouncil: 'own', paOtherCouncil: 'own' } },
  { name: 'PUT /pa/working-hours', request: () => ({ method: 'PUT', url: '/api/v1/pa/working-hours', payload: { days: [{ day: 1, start: '10:00', end: '16:00' }] } }), allowed: { paOfA: 'own', paSameCouncil: 'own', paOtherCouncil: 'own' } },
  // Issue 16: a PA's day.
  { name: 'PUT /my-pa/contact', request: () => ({ method: 'PUT', url: '/api/v1/my-pa/contact', payload: { contact: { phone: '07700 900123', prefer: 'text' } } }), allowed: phonesOwn },
  { name: 'POST /my-pa/shares/:id/messages (A’s item)', request: (w) => ({ method: 'POST', url: `/api/v1/my-pa/shares/${w.aShareId}/messages`, payload: { text: 'Example answer' } }), allowed: { youngPersonA: 'ok' } },
  { name: 'POST /pa/people/:id/seen (A)', request: (w) => ({ method: 'POST', url: `/api/v1/pa/people/${w.aPersonId}/seen`, payload: {} }), allowed: { paOfA: 'ok' } },
  { name: 'POST /pa/shares/:id/messages (A’s item)', request: (w) => ({ method: 'POST', url: `/api/v1/pa/shares/${w.aShareId}/messages`, payload: { text: 'Example reply' } }), allowed: { paOfA: 'ok' } },
  { name: 'POST /pa/people/:id/contacts (A)', request: (w) => ({ method: 'POST', url: `/api/v1/pa/people/${w.aPersonId}/contacts`, payload: { kind: 'called', at: new Date().toISOString() } }), allowed: { paOfA: 'ok' } },
  { name: 'PUT /pa/people/:id/label (A)', request: (w) => ({ method: 'PUT', url: `/api/v1/pa/people/${w.aPersonId}/label`, payload: { label: 'Example label' } }), allowed: { paOfA: 'ok' } },
  { name: 'DELETE /pa/people/:id (A)', request: (w) => ({ method: 'DELETE', url: `/api/v1/pa/people/${w.aPersonId}` }), allowed: { paOfA: 'ok' } },
  { name: 'GET /pa/pairing-codes', request: () => ({ method: 'GET', url: '/api/v1/pa/pairing-codes' }), allowed: { paOfA: 'ok', paSameCouncil: 'own', paOtherCouncil: 'own' } },
  { name: 'DELETE /pa/pairing-codes/:id (A’s PA’s code)', request: (w) => ({ method: 'DELETE', url: `/api/v1/pa/pairing-codes/${w.aCodeId}` }), allowed: { paOfA: 'ok' } },
  // Cover: paSameCouncil covers A's PA today (and a cover next year can be ended).
  { name: 'GET /manager/pas', request: () => ({ method: 'GET', url: '/api/v1/manager/pas' }), allowed: { manager: 'own' } },
  { name: 'GET /manager/cover', request: () => ({ method: 'GET', url: '/api/v1/manager/cover' }), allowed: { manager: 'own' } },
  { name: 'POST /manager/cover', request: (_w, s) => ({ method: 'POST', url: '/api/v1/manager/cover', payload: { paId: s.paOfA.id, coverPaId: s.paSameCouncil.id, from: '2031-01-01', to: '2031-01-02' } }), allowed: { manager: 'ok' } },
  { name: 'DELETE /manager/cover/:id', request: (w) => ({ method: 'DELETE', url: `/api/v1/manager/cover/${w.futureCoverId}` }), allowed: { manager: 'ok' } },
  { name: 'GET /pa/covering', request: () => ({ method: 'GET', url: '/api/v1/pa/covering' }), allowed: { paOfA: 'own', paSameCouncil: 'ok', paOtherCouncil: 'own' } },
  { name: 'GET /pa/covering/:id/caseload (A’s PA’s, covered)', request: (w) => ({ method: 'GET', url: `/api/v1/pa/covering/${w.coverId}/caseload` }), allowed: { paSameCouncil: 'ok' } },
  { name: 'GET /pa/covering/:id/people/:id (A, covered)', request: (w) => ({ method: 'GET', url: `/api/v1/pa/covering/${w.coverId}/people/${w.aPersonId}` }), allowed: { paSameCouncil: 'ok' } },
  // Call alerts: each PA opts their own browser in or out; nobody else's.
  { name: 'PUT /pa/push-subscription', request: (_w, _s, actor) => ({ method: 'PUT', url: '/api/v1/pa/push-subscription', payload: examplePushSubscription(actor) }), allowed: { paOfA: 'own', paSameCouncil: 'own', paOtherCouncil: 'own' } },
  { name: 'DELETE /pa/push-subscription', request: (_w, _s, actor) => ({ method: 'DELETE', url: '/api/v1/pa/push-subscription', payload: { endpoint: examplePushSubscription(actor).endpoint } }), allowed: { paOfA: 'own', paSameCouncil: 'own', paOtherCouncil: 'own' } },
  { name: 'GET /manager/figures', request: () => ({ method: 'GET', url: '/api/v1/manager/figures' }), allowed: { manager: 'own' } },
  { name: 'GET /admin/audit', request: () => ({ method: 'GET', url: '/api/v1/admin/audit' }), allowed: { admin: 'ok' } },
];

/** An invented subscription in the shape a browser gives (a push service's host; the keys are not real). */
function examplePushSubscription(actor: Actor) {
  return { endpoint: `https://fcm.googleapis.com/fcm/send/example-${actor}-${randomUUID()}`, keys: { p256dh: `B${'A'.repeat(86)}`, auth: 'A'.repeat(22) } };
}

let app: FastifyInstance;
const pairingCodeFor = (pa: Staff) => pairingCode(app, pa);

describe.each(DIALECTS)('authorization matrix on %s', (dialect) => {
  let database: TestDatabase;
  let staff: Staffs;

  beforeAll(async () => {
    database = await freshDatabase(dialect);
    app = await buildServer(database.config);
    staff = {
      paOfA: await signedInStaff(app, 'pa', 'Example Council North'),
      paSameCouncil: await signedInStaff(app, 'pa', 'Example Council North'),
      paOtherCouncil: await signedInStaff(app, 'pa', 'Example Council South'),
      manager: await signedInStaff(app, 'manager', 'Example Council North'),
      admin: await signedInStaff(app, 'admin', 'Example Council North'),
    };
  });
  afterAll(async () => {
    await app?.close();
    await database?.drop();
  });

  async function newWorld(): Promise<World> {
    const [a, b] = [await registerDevice(app), await registerDevice(app)];
    await connect(app, a, staff.paOfA, 'Example Person A');
    await connect(app, b, staff.paSameCouncil, 'Example Person B');
    const aNote = `secret-note-${randomUUID()}`;
    const aRecord = checkin({ mood: 1, note: aNote, sharedWithPa: true, shareNote: true });
    expect((await asPhone(app, a, { method: 'POST', url: '/api/v1/my-pa/shares', payload: { kind: 'checkin', record: aRecord } })).statusCode).toBe(201);
    await asPhone(app, b, { method: 'POST', url: '/api/v1/my-pa/shares', payload: { kind: 'checkin', record: checkin({ note: 'b-note' }) } });
    const db = app.store.db;
    const aPersonId = (await db.selectFrom('devices').select('person_id').where('id', '=', a.deviceId).executeTakeFirstOrThrow()).person_id;
    // A's PA has written on A's item (so A may answer), and holds a code not yet given out.
    await db.insertInto('share_messages').values({ id: randomUUID(), share_id: aRecord.id, person_id: aPersonId, pa_id: staff.paOfA.id, author: 'pa', body: 'Example PA note', at: new Date().toISOString(), seen_at: null }).execute();
    await pairingCodeFor(staff.paOfA);
    const aCodeId = (await db.selectFrom('pairing_codes').select('id').where('pa_id', '=', staff.paOfA.id).where('used_at', 'is', null).orderBy('created_at', 'desc').executeTakeFirstOrThrow()).id!;
    const cover = (id: string, from: string, to: string) => db.insertInto('pa_cover').values({
      id, pa_id: staff.paOfA.id, cover_pa_id: staff.paSameCouncil.id, council: 'Example Council North', starts_on: from, ends_on: to, created_by: staff.manager.id, created_at: new Date().toISOString(),
    }).execute().then(() => id);
    const coverId = await cover(randomUUID(), ukDay(), ukDay());
    const futureCoverId = await cover(randomUUID(), '2040-01-01', '2040-01-31');
    return { a, b, aPersonId, aShareId: aRecord.id, aNote, aRecord, aCodeId, coverId, futureCoverId };
  }

  async function call(actor: Actor, w: World, options: InjectOptions, freshSession: boolean) {
    if (actor === 'nobody') return app.inject({ ...options, headers: { host: HOST, origin: ORIGIN } });
    if (actor === 'youngPersonA') return asPhone(app, w.a, options);
    if (actor === 'youngPersonB') return asPhone(app, w.b, options);
    const who = staff[actor];
    if (!freshSession) return asStaff(app, who, options);
    const login = await app.inject({ method: 'POST', url: '/api/v1/pa/login', headers: { host: HOST, origin: ORIGIN }, payload: { email: who.email, password: who.password } });
    return asStaff(app, { ...who, cookie: String(login.headers['set-cookie']).split(';')[0] }, options);
  }

  async function aShareUntouched(w: World): Promise<boolean> {
    const row = await app.store.db.selectFrom('shares').selectAll().where('id', '=', w.aShareId).executeTakeFirst();
    return !!row && row.seen_at === null && row.data.includes(w.aNote);
  }

  for (const endpoint of ENDPOINTS) {
    it(`${endpoint.name}: only the allowed callers succeed`, async () => {
      for (const actor of ACTORS) {
        const w = await newWorld();
        const res = await call(actor, w, await endpoint.request(w, staff, actor), !!endpoint.freshSession);
        const verdict = endpoint.allowed[actor];
        const secrets = [w.aNote, w.aShareId, w.a.deviceId, w.aPersonId, w.aCodeId];
        const context = `${endpoint.name} as ${actor} → ${res.statusCode} ${res.body.slice(0, 200)}`;
        if (verdict === 'ok') {
          expect(res.statusCode, context).toBeLessThan(300);
          continue;
        }
        if (verdict === 'own') expect(res.statusCode, context).toBeLessThan(300);
        else expect([401, 403, 404], context).toContain(res.statusCode);
        for (const secret of secrets) expect(res.body.includes(secret), `${context} leaked A's data`).toBe(false);
        expect(await aShareUntouched(w), `${context} changed A's share`).toBe(true);
      }
    });
  }

  it('covers every sharing and PA route, and the phone\'s recovery and my-devices routes (sign-in and recovery restore are public by design and tested in sharing-limits; registering a phone and link codes in sync-protocol)', async () => {
    const declared: string[] = [];
    const probe = Fastify();
    probe.decorate('store', { db: {} } as never);
    probe.decorate('config', loadConfig({}));
    probe.addHook('onRoute', (r) => { if (r.method !== 'HEAD') declared.push(`${String(r.method)} ${r.url}`); });
    for (const routes of [sharingRoutes, devicesRoutes, paRoutes, paDayRoutes, paCoverRoutes, paManagerRoutes, paPushRoutes]) await probe.register(routes);
    await probe.ready();
    await probe.close();
    const tested = ENDPOINTS.map((e) => e.name.split(' (')[0].replace(/\/:id/g, '/:ID'));
    const expected = declared.map((r) => r.replace(/\/:(id|personId)/g, '/:ID'))
      .filter((r) => !['POST /pa/login', 'POST /recovery/restore', 'POST /devices', 'POST /devices/link-codes'].includes(r));
    expect(tested.sort()).toEqual(expected.sort());
  });
});
