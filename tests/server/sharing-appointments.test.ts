// Requests sent from an appointment ("help getting there", "I couldn't go") reach the PA with which appointment it is, on SQLite and PostgreSQL.
import { randomUUID } from 'node:crypto';

import type { FastifyInstance } from 'fastify';
import { beforeAll, describe, expect, it } from 'vitest';

import { push, registerDevice } from './helpers/api.ts';
import { DIALECTS } from './helpers/databases.ts';
import { serverForBlock } from './helpers/server.ts';
import { asPhone, asStaff, connect, signedInStaff } from './sharing-helpers.ts';

const travelRequest = (appointment: { id: string; title: string; startsAt: string }, extra: object = {}) => ({
  kind: 'request', id: randomUUID(), request: 'travel-help', at: '2030-01-08T10:00:00.000Z', appointment, travelHelp: ['fare', 'someoneToGoWith'], ...extra,
});

describe.each(DIALECTS)('requests about an appointment on %s', (dialect) => {
  const server = serverForBlock(dialect);
  let app: FastifyInstance;
  beforeAll(() => {
    app = server.app;
  });

  const pageOf = async (pa: Awaited<ReturnType<typeof signedInStaff>>) => {
    const [person] = (await asStaff(app, pa, { method: 'GET', url: '/api/v1/pa/caseload' })).json().caseload;
    return { person, shares: (await asStaff(app, pa, { method: 'GET', url: `/api/v1/pa/people/${person.personId}` })).json().shares };
  };

  it('shows the PA which appointment a travel request is about, and which help was asked for, and nothing else of it', async () => {
    const pa = await signedInStaff(app, 'pa', 'Example Council A');
    const phone = await registerDevice(app);
    await connect(app, phone, pa, 'Sam');
    const appointment = { id: randomUUID(), title: 'Example Housing Office 0042', startsAt: '2030-01-10T12:00:00.000Z' };
    const sent = await asPhone(app, phone, { method: 'POST', url: '/api/v1/my-pa/shares', payload: travelRequest(appointment) });
    expect(sent.statusCode).toBe(201);

    const { person, shares } = await pageOf(pa);
    expect(person).toMatchObject({ unseen: 1, reasons: ['travel-help'] });
    expect(shares).toHaveLength(1);
    expect(shares[0].data).toEqual({ request: 'travel-help', about: '', at: '2030-01-08T10:00:00.000Z', appointment, travelHelp: ['fare', 'someoneToGoWith'] });
  });

  it('passes on "I couldn’t go" with the appointment, and the young person sees the PA’s reply on it', async () => {
    const pa = await signedInStaff(app, 'pa', 'Example Council A');
    const phone = await registerDevice(app);
    await connect(app, phone, pa);
    const appointment = { id: randomUUID(), title: 'Example Clinic 0042', startsAt: '2030-01-09T09:30:00+00:00' };
    const id = randomUUID();
    await asPhone(app, phone, { method: 'POST', url: '/api/v1/my-pa/shares', payload: { kind: 'request', id, request: 'missed-appointment', at: '2030-01-09T12:00:00.000Z', appointment } });
    expect((await pageOf(pa)).shares[0].data).toMatchObject({ request: 'missed-appointment', appointment });

    await asStaff(app, pa, { method: 'POST', url: `/api/v1/pa/shares/${id}/seen`, payload: { reply: 'Let’s book a new one together.' } });
    const mine = (await asPhone(app, phone, { method: 'GET', url: '/api/v1/my-pa' })).json();
    expect(mine.shares[0]).toMatchObject({ id, seenAt: expect.any(String), reply: 'Let’s book a new one together.', data: { appointment: { id: appointment.id } } });
  });

  it('never reads someone else’s appointment: naming its id shows only the sender’s own words, to the sender’s PA only', async () => {
    const paA = await signedInStaff(app, 'pa', 'Example Council A');
    const paB = await signedInStaff(app, 'pa', 'Example Council A');
    const [a, b] = [await registerDevice(app), await registerDevice(app)];
    await connect(app, a, paA);
    await connect(app, b, paB);
    const theirs = { id: randomUUID(), title: 'Example Private Appointment 0042', startsAt: '2030-01-10T12:00:00.000Z', reminders: [], updatedAt: '2030-01-01T00:00:00.000Z' };
    expect((await push(app, b, [{ seq: 1, kind: 'appointment', op: 'put', id: theirs.id, record: theirs, clientTime: theirs.updatedAt }])).statusCode).toBe(200);

    const named = { id: theirs.id, title: 'Example Made Up 0042', startsAt: '2030-02-01T12:00:00.000Z' };
    expect((await asPhone(app, a, { method: 'POST', url: '/api/v1/my-pa/shares', payload: travelRequest(named) })).statusCode).toBe(201);
    const seenByA = await pageOf(paA);
    expect(seenByA.shares[0].data.appointment).toEqual(named);
    expect(JSON.stringify(seenByA.shares)).not.toContain('Example Private Appointment 0042');
    expect((await pageOf(paB)).shares).toEqual([]);
  });

  it.each([
    ['a time that is not a time', 'appointment.startsAt', { appointment: { id: randomUUID(), title: 'Example Clinic 0042', startsAt: 'next tuesday' } }],
    ['an appointment id that is not an id', 'appointment.id', { appointment: { id: 'not-an-id', title: 'Example Clinic 0042', startsAt: '2030-01-10T12:00:00Z' } }],
    ['an empty title', 'appointment.title', { appointment: { id: randomUUID(), title: '', startsAt: '2030-01-10T12:00:00Z' } }],
    ['the appointment’s place (title and time only)', 'appointment', { appointment: { id: randomUUID(), title: 'Example Clinic 0042', startsAt: '2030-01-10T12:00:00Z', place: '1 Example Street' } }],
    ['a kind of travel help we don’t offer', 'travelHelp.0', { travelHelp: ['helicopter'] }],
    ['travel choices on an “I couldn’t go”', 'travelHelp', { request: 'missed-appointment' }],
    ['an appointment on “please call me”', 'appointment', { request: 'call-me', travelHelp: undefined }],
  ])('refuses %s with a 400 naming %s, and saves nothing', async (_what, field, extra) => {
    const pa = await signedInStaff(app, 'pa', 'Example Council A');
    const phone = await registerDevice(app);
    await connect(app, phone, pa);
    const payload = travelRequest({ id: randomUUID(), title: 'Example Clinic 0042', startsAt: '2030-01-10T12:00:00Z' }, extra);
    const res = await asPhone(app, phone, { method: 'POST', url: '/api/v1/my-pa/shares', payload });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe(field);
    expect((await asPhone(app, phone, { method: 'GET', url: '/api/v1/my-pa' })).json().shares).toEqual([]);
  });
});
