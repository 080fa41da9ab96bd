// Issue 16, a PA's day, on SQLite and PostgreSQL: the short thread on an item (both sides, in order), a run of the
// same request and "mark all seen", the contact log, labels, "stopped sharing" instead of a vanishing card, removing
// a connection, outstanding pairing codes, "last shared" as when it happened, and every new body checked with zod.
import { randomUUID } from 'node:crypto';

import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';

import { ukDay } from '../../src/shared/sharing/schemas.ts';
import { checkin, type Device, registerDevice } from './helpers/api.ts';
import { DIALECTS } from './helpers/databases.ts';
import { serverForBlock } from './helpers/server.ts';
import { asPhone, asStaff, connect, pairingCode, signedInStaff, type Staff } from './sharing-helpers.ts';

describe.each(DIALECTS)('a PA’s day on %s', (dialect) => {
  const server = serverForBlock(dialect);
  let app: FastifyInstance;
  beforeAll(() => {
    app = server.app;
  });

  async function connected(name = 'Example Person'): Promise<{ pa: Staff; phone: Device; personId: string }> {
    const pa = await signedInStaff(app, 'pa', 'Example Council A');
    const phone = await registerDevice(app);
    await connect(app, phone, pa, name);
    const personId = (await app.store.db.selectFrom('devices').select('person_id').where('id', '=', phone.deviceId).executeTakeFirstOrThrow()).person_id;
    return { pa, phone, personId };
  }
  const share = (phone: Device, record = checkin({ mood: 2, sharedWithPa: true })) =>
    asPhone(app, phone, { method: 'POST', url: '/api/v1/my-pa/shares', payload: { kind: 'checkin', record } }).then((r) => { expect(r.statusCode).toBe(201); return record; });
  const ask = (phone: Device, at: string) =>
    asPhone(app, phone, { method: 'POST', url: '/api/v1/my-pa/shares', payload: { kind: 'request', id: randomUUID(), request: 'call-me', at } }).then((r) => { expect(r.statusCode).toBe(201); return r.json().id as string; });
  const caseloadOf = async (pa: Staff) => (await asStaff(app, pa, { method: 'GET', url: '/api/v1/pa/caseload' })).json();
  const personPage = async (pa: Staff, personId: string) => asStaff(app, pa, { method: 'GET', url: `/api/v1/pa/people/${personId}` });

  it('keeps a thread on an item: PA reply, the young person’s answer, the PA’s next message, in order on both sides', async () => {
    const { pa, phone, personId } = await connected();
    const record = await share(phone);
    // Before the PA has written, there is nothing to answer.
    const early = await asPhone(app, phone, { method: 'POST', url: `/api/v1/my-pa/shares/${record.id}/messages`, payload: { text: 'Example too early' } });
    expect(early.statusCode).toBe(409);

    await asStaff(app, pa, { method: 'POST', url: `/api/v1/pa/shares/${record.id}/seen`, payload: { reply: 'Example reply one' } });
    const answer = await asPhone(app, phone, { method: 'POST', url: `/api/v1/my-pa/shares/${record.id}/messages`, payload: { text: 'Example answer' } });
    expect(answer.statusCode).toBe(201);
    // The answer is new to the PA: the caseload counts it.
    expect((await caseloadOf(pa)).caseload[0]).toMatchObject({ personId, unseen: 1 });
    const next = await asStaff(app, pa, { method: 'POST', url: `/api/v1/pa/shares/${record.id}/messages`, payload: { text: 'Example reply two' } });
    expect(next.statusCode).toBe(201);
    // Writing back reads the answer.
    expect((await caseloadOf(pa)).caseload[0]).toMatchObject({ unseen: 0 });

    const mine = (await asPhone(app, phone, { method: 'GET', url: '/api/v1/my-pa' })).json();
    expect(mine.shares[0].reply).toBe('Example reply one');
    expect(mine.shares[0].thread.map((m: { author: string; text: string }) => [m.author, m.text])).toEqual([['young-person', 'Example answer'], ['pa', 'Example reply two']]);
    expect(mine.shares[0].thread[0]).not.toHaveProperty('seenAt');
    const theirs = (await personPage(pa, personId)).json();
    expect(theirs.shares[0].thread.map((m: { text: string }) => m.text)).toEqual(['Example answer', 'Example reply two']);

    // Unsharing takes the thread with it.
    await asPhone(app, phone, { method: 'DELETE', url: `/api/v1/my-pa/shares/${record.id}` });
    expect(await app.store.db.selectFrom('share_messages').select('id').where('share_id', '=', record.id).execute()).toHaveLength(0);
  });

  it('refuses bad bodies with a 400 naming the field, and writes nothing', async () => {
    const { pa, phone, personId } = await connected();
    const record = await share(phone);
    await asStaff(app, pa, { method: 'POST', url: `/api/v1/pa/shares/${record.id}/seen`, payload: { reply: 'Example' } });
    const cases: [string, Promise<{ statusCode: number; json: () => { field?: string } }>, string][] = [
      ['PA message too long', asStaff(app, pa, { method: 'POST', url: `/api/v1/pa/shares/${record.id}/messages`, payload: { text: 'x'.repeat(501) } }), 'text'],
      ['PA message empty', asStaff(app, pa, { method: 'POST', url: `/api/v1/pa/shares/${record.id}/messages`, payload: { text: '   ' } }), 'text'],
      ['answer too long', asPhone(app, phone, { method: 'POST', url: `/api/v1/my-pa/shares/${record.id}/messages`, payload: { text: 'x'.repeat(501) } }), 'text'],
      ['answer with an extra field', asPhone(app, phone, { method: 'POST', url: `/api/v1/my-pa/shares/${record.id}/messages`, payload: { text: 'ok', author: 'pa' } }), '(body)'],
      ['contact of an unknown kind', asStaff(app, pa, { method: 'POST', url: `/api/v1/pa/people/${personId}/contacts`, payload: { kind: 'visited', at: new Date().toISOString() } }), 'kind'],
      ['contact in the future', asStaff(app, pa, { method: 'POST', url: `/api/v1/pa/people/${personId}/contacts`, payload: { kind: 'called', at: new Date(Date.now() + 86_400_000).toISOString() } }), 'at'],
      ['label too long', asStaff(app, pa, { method: 'PUT', url: `/api/v1/pa/people/${personId}/label`, payload: { label: 'x'.repeat(41) } }), 'label'],
      ['seen ids not ids', asStaff(app, pa, { method: 'POST', url: `/api/v1/pa/people/${personId}/seen`, payload: { ids: ['not-an-id'] } }), 'ids.0'],
    ];
    for (const [what, pending, field] of cases) {
      const res = await pending;
      expect(res.statusCode, what).toBe(400);
      expect(res.json().field, what).toBe(field);
    }
    const db = app.store.db;
    expect(await db.selectFrom('share_messages').select('id').where('person_id', '=', personId).execute()).toHaveLength(0);
    expect(await db.selectFrom('contact_log').select('id').where('person_id', '=', personId).execute()).toHaveLength(0);
    expect((await db.selectFrom('pa_links').select('label').where('person_id', '=', personId).executeTakeFirstOrThrow()).label ?? null).toBeNull();
  });

  it('marks a run of the same request seen at once, and everything with "mark all seen"', async () => {
    const { pa, phone, personId } = await connected();
    const now = Date.now();
    const ids = [await ask(phone, new Date(now - 30 * 60_000).toISOString()), await ask(phone, new Date(now - 20 * 60_000).toISOString()), await ask(phone, new Date(now - 10 * 60_000).toISOString())];
    const other = await share(phone);
    expect((await caseloadOf(pa)).caseload[0]).toMatchObject({ unseen: 4, reasons: expect.arrayContaining(['call-me']) });
    const res = await asStaff(app, pa, { method: 'POST', url: `/api/v1/pa/people/${personId}/seen`, payload: { ids } });
    expect(res.json().marked).toBe(3);
    const after = (await caseloadOf(pa)).caseload[0];
    expect(after.unseen).toBe(1);
    expect(after.reasons).not.toContain('call-me');
    await asStaff(app, pa, { method: 'POST', url: `/api/v1/pa/people/${personId}/seen`, payload: {} });
    expect((await caseloadOf(pa)).caseload[0].unseen).toBe(0);
    const shares = (await personPage(pa, personId)).json().shares as { id: string; seenAt: string | null }[];
    expect(shares.find((s) => s.id === other.id)?.seenAt).toEqual(expect.any(String));
  });

  it('says "last shared" as when the check-in happened, not when it was shared', async () => {
    const { pa, phone } = await connected();
    await share(phone, checkin({ at: '2026-11-02T09:30:00.000Z', updatedAt: '2026-11-02T09:30:00.000Z', sharedWithPa: true }));
    expect((await caseloadOf(pa)).caseload[0].lastSharedAt).toBe('2026-11-02T09:30:00.000Z');
  });

  it('counts long-past, seen items without reading them: "gone quiet" and "last shared" still right', async () => {
    const { pa, personId } = await connected();
    const db = app.store.db;
    const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000).toISOString();
    for (const d of [40, 30, 20]) {
      const at = daysAgo(d);
      await db.insertInto('shares').values({ id: randomUUID(), person_id: personId, pa_id: pa.id, kind: 'checkin', data: JSON.stringify({ at, mood: 3, hard: [], good: [], feelings: [] }), shared_at: at, seen_at: at, reply: null }).execute();
    }
    const entry = (await caseloadOf(pa)).caseload[0];
    expect(entry.reasons).toEqual(['quiet']);
    expect(entry.lastSharedAt).toBe(daysAgo(20).slice(0, 10) + entry.lastSharedAt.slice(10));
    expect(Date.parse(entry.lastSharedAt)).toBeLessThan(Date.now() - 19 * 86_400_000);
  });

  it('shows the PA a phone number and preferred contact only when the young person shares it, and forgets it with a new PA', async () => {
    const { pa, phone, personId } = await connected();
    expect((await personPage(pa, personId)).json().person.contact).toBeNull();
    const bad = await asPhone(app, phone, { method: 'PUT', url: '/api/v1/my-pa/contact', payload: { contact: { phone: 'call me maybe', prefer: 'text' } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().field).toBe('contact.phone');
    const ok = await asPhone(app, phone, { method: 'PUT', url: '/api/v1/my-pa/contact', payload: { contact: { phone: '07700 900123', prefer: 'text' } } });
    expect(ok.statusCode).toBe(200);
    expect((await personPage(pa, personId)).json().person.contact).toEqual({ phone: '07700 900123', prefer: 'text' });
    expect((await asPhone(app, phone, { method: 'GET', url: '/api/v1/my-pa' })).json().contact).toEqual({ phone: '07700 900123', prefer: 'text' });
    const next = await signedInStaff(app, 'pa', 'Example Council A');
    await connect(app, phone, next, 'Example Person');
    expect((await personPage(next, personId)).json().person.contact).toBeNull();
    await asPhone(app, phone, { method: 'PUT', url: '/api/v1/my-pa/contact', payload: { contact: { phone: '07700 900123', prefer: 'call' } } });
    await asPhone(app, phone, { method: 'PUT', url: '/api/v1/my-pa/contact', payload: { contact: null } });
    expect((await personPage(next, personId)).json().person.contact).toBeNull();
  });

  it('logs contact (kind and time only), newest first, and never shows it to anyone else', async () => {
    const { pa, phone, personId } = await connected();
    for (const [kind, at] of [['no-answer', '2026-12-01T09:00:00.000Z'], ['called', '2026-12-02T10:00:00.000Z']]) {
      expect((await asStaff(app, pa, { method: 'POST', url: `/api/v1/pa/people/${personId}/contacts`, payload: { kind, at } })).statusCode).toBe(201);
    }
    const contacts = (await personPage(pa, personId)).json().contacts;
    expect(contacts.map((c: { kind: string; at: string }) => [c.kind, c.at])).toEqual([['called', '2026-12-02T10:00:00.000Z'], ['no-answer', '2026-12-01T09:00:00.000Z']]);
    const other = await signedInStaff(app, 'pa', 'Example Council A');
    expect((await personPage(other, personId)).statusCode).toBe(404);
    expect(JSON.stringify((await asPhone(app, phone, { method: 'GET', url: '/api/v1/my-pa' })).json())).not.toContain('no-answer');
  });

  it('labels a young person, shows "stopped sharing" when they disconnect, and lets the PA remove the card', async () => {
    const { pa, phone, personId } = await connected('Example Sam');
    await asStaff(app, pa, { method: 'PUT', url: `/api/v1/pa/people/${personId}/label`, payload: { label: 'Example from the college' } });
    expect((await caseloadOf(pa)).caseload[0]).toMatchObject({ name: 'Example Sam', label: 'Example from the college' });
    await share(phone);
    await asStaff(app, pa, { method: 'POST', url: `/api/v1/pa/people/${personId}/contacts`, payload: { kind: 'met', at: new Date().toISOString() } });
    expect((await asPhone(app, phone, { method: 'DELETE', url: '/api/v1/my-pa' })).statusCode).toBe(200);
    const after = await caseloadOf(pa);
    expect(after.caseload).toHaveLength(0);
    expect(after.ended).toEqual([{ personId, name: 'Example Sam', label: 'Example from the college', endedAt: expect.any(String) }]);
    // Nothing they shared, and no contact log, outlives the connection.
    const db = app.store.db;
    expect(await db.selectFrom('shares').select('id').where('person_id', '=', personId).execute()).toHaveLength(0);
    expect(await db.selectFrom('contact_log').select('id').where('person_id', '=', personId).execute()).toHaveLength(0);
    expect((await personPage(pa, personId)).statusCode).toBe(404);

    expect((await asStaff(app, pa, { method: 'DELETE', url: `/api/v1/pa/people/${personId}` })).statusCode).toBe(200);
    expect((await caseloadOf(pa)).ended).toEqual([]);
    expect((await asStaff(app, pa, { method: 'DELETE', url: `/api/v1/pa/people/${personId}` })).statusCode).toBe(404);

    // Connecting again to the same PA: a live card, no "stopped sharing".
    await connect(app, phone, pa, 'Example Sam');
    expect(await caseloadOf(pa)).toMatchObject({ caseload: [{ personId }], ended: [] });
  });

  it('removes a stale connection: the young person is no longer connected and their shares are gone', async () => {
    const { pa, phone, personId } = await connected();
    await share(phone);
    expect((await asStaff(app, pa, { method: 'DELETE', url: `/api/v1/pa/people/${personId}` })).statusCode).toBe(200);
    expect((await asPhone(app, phone, { method: 'GET', url: '/api/v1/my-pa' })).json()).toMatchObject({ connected: false });
    expect(await app.store.db.selectFrom('shares').select('id').where('person_id', '=', personId).execute()).toHaveLength(0);
    expect((await caseloadOf(pa)).caseload).toHaveLength(0);
  });

  it('lists the PA’s outstanding pairing codes, and a cancelled code no longer connects', async () => {
    const pa = await signedInStaff(app, 'pa', 'Example Council A');
    const code = await pairingCode(app, pa);
    await pairingCode(app, pa);
    const listed = (await asStaff(app, pa, { method: 'GET', url: '/api/v1/pa/pairing-codes' })).json().codes as { id: string; createdAt: string; expiresAt: string }[];
    expect(listed).toHaveLength(2);
    // The codes themselves are never listed.
    expect(JSON.stringify(listed)).not.toContain(code);
    const first = (await app.store.db.selectFrom('pairing_codes').select(['id', 'created_at']).where('pa_id', '=', pa.id).orderBy('created_at').executeTakeFirstOrThrow()).id!;
    expect((await asStaff(app, pa, { method: 'DELETE', url: `/api/v1/pa/pairing-codes/${first}` })).statusCode).toBe(200);
    expect((await asStaff(app, pa, { method: 'GET', url: '/api/v1/pa/pairing-codes' })).json().codes).toHaveLength(1);
    const phone = await registerDevice(app);
    const res = await asPhone(app, phone, { method: 'POST', url: '/api/v1/my-pa/connect', payload: { code } });
    expect(res.statusCode).toBe(400);
  });

  it('deletes the thread, contact log and "stopped sharing" card when the young person deletes their data everywhere', async () => {
    const { pa, phone, personId } = await connected();
    const record = await share(phone);
    await asStaff(app, pa, { method: 'POST', url: `/api/v1/pa/shares/${record.id}/messages`, payload: { text: 'Example' } });
    await asStaff(app, pa, { method: 'POST', url: `/api/v1/pa/people/${personId}/contacts`, payload: { kind: 'texted', at: new Date().toISOString() } });
    expect((await asPhone(app, phone, { method: 'POST', url: '/api/v1/my-data/delete', payload: { everywhere: true } })).statusCode).toBe(200);
    const db = app.store.db;
    for (const table of ['share_messages', 'contact_log', 'ended_links'] as const) {
      expect(await db.selectFrom(table).select('id').where('person_id', '=', personId).execute(), table).toHaveLength(0);
    }
  });
});

describe.each(DIALECTS)('cover while a PA is away, on %s', (dialect) => {
  const server = serverForBlock(dialect);
  let app: FastifyInstance;
  beforeAll(() => {
    app = server.app;
  });
  const day = (offset: number) => ukDay(new Date(Date.now() + offset * 86_400_000));

  it('lets the covering PA see the caseload only between the dates, audits each access, and tells the young person', async () => {
    const away = await signedInStaff(app, 'pa', 'Example Council C', 'Example Away PA');
    const covering = await signedInStaff(app, 'pa', 'Example Council C', 'Example Covering PA');
    const otherCouncil = await signedInStaff(app, 'pa', 'Example Council D');
    const manager = await signedInStaff(app, 'manager', 'Example Council C');
    const phone = await registerDevice(app);
    await connect(app, phone, away, 'Example Robin');
    const record = checkin({ mood: 1, note: 'Example note', sharedWithPa: true, shareNote: true });
    await asPhone(app, phone, { method: 'POST', url: '/api/v1/my-pa/shares', payload: { kind: 'checkin', record } });
    const personId = (await app.store.db.selectFrom('devices').select('person_id').where('id', '=', phone.deviceId).executeTakeFirstOrThrow()).person_id;

    // Only PAs of the manager's own council, and sensible dates.
    const assign = (payload: Record<string, unknown>) => asStaff(app, manager, { method: 'POST', url: '/api/v1/manager/cover', payload });
    expect((await assign({ paId: away.id, coverPaId: otherCouncil.id, from: day(0), to: day(1) })).json()).toMatchObject({ field: 'coverPaId' });
    expect((await assign({ paId: away.id, coverPaId: away.id, from: day(0), to: day(1) })).json()).toMatchObject({ field: 'coverPaId' });
    expect((await assign({ paId: away.id, coverPaId: covering.id, from: day(2), to: day(1) })).json()).toMatchObject({ field: 'to' });
    expect((await assign({ paId: away.id, coverPaId: covering.id, from: 'tomorrow', to: day(1) })).json()).toMatchObject({ field: 'from' });

    // A cover starting tomorrow: not yet.
    const later = await assign({ paId: away.id, coverPaId: covering.id, from: day(1), to: day(3) });
    expect(later.statusCode).toBe(201);
    const laterId = later.json().id;
    expect((await asStaff(app, covering, { method: 'GET', url: `/api/v1/pa/covering/${laterId}/caseload` })).statusCode).toBe(404);
    expect((await asStaff(app, covering, { method: 'GET', url: `/api/v1/pa/covering/${laterId}/people/${personId}` })).statusCode).toBe(404);
    expect((await asStaff(app, covering, { method: 'GET', url: '/api/v1/pa/covering' })).json().covering).toEqual([]);
    expect((await asPhone(app, phone, { method: 'GET', url: '/api/v1/my-pa' })).json().coveredBy).toBeNull();

    // A cover that ended yesterday: no more.
    const ended = (await assign({ paId: away.id, coverPaId: covering.id, from: day(-5), to: day(-1) })).json().id;
    expect((await asStaff(app, covering, { method: 'GET', url: `/api/v1/pa/covering/${ended}/caseload` })).statusCode).toBe(404);

    // Today: the same caseload and items, each access audited.
    const now = (await assign({ paId: away.id, coverPaId: covering.id, from: day(0), to: day(0) })).json().id;
    expect((await asStaff(app, covering, { method: 'GET', url: '/api/v1/pa/covering' })).json().covering).toEqual([expect.objectContaining({ id: now, paName: 'Example Away PA', from: day(0), to: day(0) })]);
    const caseload = await asStaff(app, covering, { method: 'GET', url: `/api/v1/pa/covering/${now}/caseload` });
    expect(caseload.json().caseload).toEqual([expect.objectContaining({ personId, name: 'Example Robin' })]);
    const person = await asStaff(app, covering, { method: 'GET', url: `/api/v1/pa/covering/${now}/people/${personId}` });
    expect(person.json().shares[0].data.note).toBe('Example note');
    const audited = await app.store.db.selectFrom('audit_log').select(['action', 'person_id']).where('actor_id', '=', covering.id).execute();
    expect(audited).toEqual(expect.arrayContaining([{ action: `cover-caseload:${now}`, person_id: null }, { action: `cover-open-person:${now}`, person_id: personId }]));
    // Nobody else gets in through that cover: not the PA away, not another council's PA.
    expect((await asStaff(app, away, { method: 'GET', url: `/api/v1/pa/covering/${now}/caseload` })).statusCode).toBe(404);
    expect((await asStaff(app, otherCouncil, { method: 'GET', url: `/api/v1/pa/covering/${now}/caseload` })).statusCode).toBe(404);
    expect((await asPhone(app, phone, { method: 'GET', url: '/api/v1/my-pa' })).json().coveredBy).toEqual({ name: 'Example Covering PA', until: day(0) });

    // The manager sees and ends it.
    expect((await asStaff(app, manager, { method: 'GET', url: '/api/v1/manager/cover' })).json().cover.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining([now, laterId, ended]));
    expect((await asStaff(app, manager, { method: 'DELETE', url: `/api/v1/manager/cover/${now}` })).statusCode).toBe(200);
    expect((await asStaff(app, covering, { method: 'GET', url: `/api/v1/pa/covering/${now}/caseload` })).statusCode).toBe(404);
  });
});

describe.each(DIALECTS)('the whole caseload as one CSV, on %s', (dialect) => {
  const server = serverForBlock(dialect);
  it('has every person’s items with appointment titles and times, the thread and the contact log, and nobody else’s', async () => {
    const app = server.app;
    const pa = await signedInStaff(app, 'pa', 'Example Council E');
    const other = await signedInStaff(app, 'pa', 'Example Council E');
    const [one, two, stranger] = [await registerDevice(app), await registerDevice(app), await registerDevice(app)];
    await connect(app, one, pa, 'Example Ash');
    await connect(app, two, pa, 'Example Bo');
    await connect(app, stranger, other, 'Example Stranger');
    const appointment = { id: randomUUID(), title: 'Example Housing Office 0042', startsAt: '2030-07-15T13:30:00.000Z' };
    const id = randomUUID();
    await asPhone(app, one, { method: 'POST', url: '/api/v1/my-pa/shares', payload: { kind: 'request', id, request: 'travel-help', at: new Date().toISOString(), appointment, travelHelp: ['fare'] } });
    await asStaff(app, pa, { method: 'POST', url: `/api/v1/pa/shares/${id}/messages`, payload: { text: 'Example thread message' } });
    await asPhone(app, two, { method: 'POST', url: '/api/v1/my-pa/shares', payload: { kind: 'checkin', record: checkin({ mood: 4, sharedWithPa: true }) } });
    await asPhone(app, stranger, { method: 'POST', url: '/api/v1/my-pa/shares', payload: { kind: 'checkin', record: checkin({ note: 'Example stranger note', sharedWithPa: true, shareNote: true }) } });
    const bo = (await asStaff(app, pa, { method: 'GET', url: '/api/v1/pa/caseload' })).json().caseload.find((e: { name: string }) => e.name === 'Example Bo').personId;
    await asStaff(app, pa, { method: 'POST', url: `/api/v1/pa/people/${bo}/contacts`, payload: { kind: 'met', at: '2026-12-01T10:00:00.000Z' } });

    const res = await asStaff(app, pa, { method: 'GET', url: '/api/v1/pa/caseload/export.csv' });
    expect(res.statusCode).toBe(200);
    const lines = res.body.trim().split('\r\n');
    expect(lines[0]).toContain('person,label,kind,when');
    expect(lines[0]).toContain('appointmentTitle,appointmentAt');
    const ash = lines.find((l) => l.startsWith('"Example Ash"'))!;
    expect(ash).toContain('"Example Housing Office 0042","2030-07-15T13:30:00.000Z"');
    expect(ash).toContain('Example thread message');
    expect(lines.some((l) => l.startsWith('"Example Bo"') && l.includes('"contact-met","2026-12-01T10:00:00.000Z"'))).toBe(true);
    expect(res.body).not.toContain('Example Stranger');
    expect(res.body).not.toContain('Example stranger note');
  });
});
