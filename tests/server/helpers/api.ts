// Small helpers to talk to a built server through app.inject, as a phone would.
import type { FastifyInstance } from 'fastify';

import type { Checkin } from '../../../src/shared/checkins.ts';
import type { Mutation, PullResponse, RegisterDeviceResponse } from '../../../src/shared/sync.ts';
import { aCheckin } from '../../builders/checkin.ts';

export type Device = RegisterDeviceResponse;

export async function registerDevice(app: FastifyInstance, linkCode?: string): Promise<Device> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/devices', payload: linkCode ? { linkCode } : {} });
  if (res.statusCode !== 201) throw new Error(`register failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

export const auth = (device: Device) => ({ authorization: `Bearer ${device.token}` });

/** What a test may send: a mutation's shape with any record, valid or not (the server is the one to judge it). */
export type SentMutation = Omit<Mutation, 'kind' | 'op' | 'record'> & { kind: string; op: 'put' | 'delete'; record?: unknown };

export function push(app: FastifyInstance, device: Device, mutations: SentMutation[], deviceId = device.deviceId) {
  return app.inject({ method: 'POST', url: '/api/v1/sync/push', headers: auth(device), payload: { deviceId, mutations } });
}

export async function pullPage(app: FastifyInstance, device: Device, cursor = 0, limit?: number): Promise<PullResponse> {
  const query = limit ? `cursor=${cursor}&limit=${limit}` : `cursor=${cursor}`;
  const res = await app.inject({ method: 'GET', url: `/api/v1/sync/pull?${query}`, headers: auth(device) });
  if (res.statusCode !== 200) throw new Error(`pull failed: ${res.statusCode} ${res.body}`);
  return res.json();
}

export async function pullAll(app: FastifyInstance, device: Device, cursor = 0): Promise<PullResponse> {
  const all: PullResponse = { changes: [], cursor, hasMore: true, lastSeq: 0 };
  while (all.hasMore) {
    const page = await pullPage(app, device, all.cursor);
    all.changes.push(...page.changes);
    Object.assign(all, { cursor: page.cursor, hasMore: page.hasMore, lastSeq: page.lastSeq });
  }
  return all;
}

/** A check-in at a fixed, known time (the protocol tests compare times), otherwise `aCheckin`. */
export function checkin(overrides: Partial<Checkin> = {}): Checkin {
  return aCheckin({ at: '2026-11-20T10:00:00.000Z', ...overrides });
}

export function putCheckin(seq: number, record: Checkin): Mutation {
  return { seq, kind: 'checkin', op: 'put', id: record.id, record, clientTime: record.updatedAt };
}

export function deleteRecord(seq: number, id: string): Mutation {
  return { seq, kind: 'checkin', op: 'delete', id, clientTime: '2026-11-20T10:00:00.000Z' };
}
