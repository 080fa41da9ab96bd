// The push/pull sync protocol (Replicache-style, global version), shared by the app and the server.
// Docs: docs/architecture.md "Sync protocol".
import { z } from 'zod';

import { appointmentSchema } from './appointments/schema.ts';
import { checkinSchema } from './checkins.ts';
import { favouriteSchema, safetyPlanSchema } from './directory/personal-schemas.ts';
import { ons4Schema } from './ons4.ts';
import { goalSchema } from './plan/schema.ts';
import { paRequestSchema } from './sharing/schemas.ts';

/**
 * Every kind of record a person owns and syncs, with the schema the server validates it against.
 * Add a kind here (one line) and it syncs: the server stores it, the pull feed carries it.
 */
export const personalRecordSchemas = {
  checkin: checkinSchema,
  ons4: ons4Schema,
  appointment: appointmentSchema,
  /** A request to the young person's PA ("Please call me"…); the server copies it to the PA (src/shared/sharing/paCopy.ts). */
  paRequest: paRequestSchema,
  // Backed up so a restored phone gets them back; never shared.
  favourite: favouriteSchema,
  safetyPlan: safetyPlanSchema,
  /** "My plan": a goal and its steps; private unless shared, goal by goal (src/shared/plan). */
  goal: goalSchema,
} as const;
export type PersonalKind = keyof typeof personalRecordSchemas;
export const PERSONAL_KINDS = Object.keys(personalRecordSchemas) as PersonalKind[];

/** Kinds the server writes and every phone reads (the public directory). Read-only for devices. */
type PublicKind = 'service';
export type Kind = PersonalKind | PublicKind;

const MAX_MUTATIONS_PER_PUSH = 500;

const mutationFields = {
  seq: z.int().min(1).max(Number.MAX_SAFE_INTEGER),
  id: z.uuid(),
  clientTime: z.iso.datetime({ offset: true }),
};

/** A put carries the whole record, checked against its kind's schema (its output has the schema's defaults filled). */
const putMutation = (kind: PersonalKind) =>
  z.strictObject({ ...mutationFields, kind: z.literal(kind), op: z.literal('put'), record: personalRecordSchemas[kind] });

const deleteMutation = z.strictObject({
  ...mutationFields,
  kind: z.enum(PERSONAL_KINDS as [PersonalKind, ...PersonalKind[]]),
  op: z.literal('delete'),
  // Named here, so a delete with a record is told so at `record`, not as an unexpected field.
  record: z.undefined({ error: 'A delete carries no record' }).optional(),
});

/** Only for the "no such op / kind" case; every other issue keeps zod's own message. */
const unknownValue = (field: string, allowed: readonly string[]) => (issue: { code?: string }) =>
  issue.code === 'invalid_union' ? `${field} must be one of: ${allowed.join(', ')}` : undefined;

// Discriminated unions pick the one schema a mutation needs by its op, then its kind, and check it in one pass
// (a nested parse per record cost a push about as much again as checking the records themselves).
const mutationSchema = z.discriminatedUnion('op', [
  deleteMutation,
  z.discriminatedUnion('kind', PERSONAL_KINDS.map(putMutation) as [ReturnType<typeof putMutation>, ...ReturnType<typeof putMutation>[]], {
    error: unknownValue('kind', PERSONAL_KINDS),
  }),
], { error: unknownValue('op', ['put', 'delete']) });
export type Mutation = z.infer<typeof mutationSchema>;

export const pushRequestSchema = z
  .strictObject({
    deviceId: z.uuid(),
    mutations: z.array(mutationSchema).max(MAX_MUTATIONS_PER_PUSH),
  })
  .superRefine((p, ctx) => {
    for (let i = 0; i < p.mutations.length; i++) {
      const m = p.mutations[i];
      if (m.op === 'put' && m.record.id !== m.id) {
        ctx.addIssue({ code: 'custom', path: ['mutations', i, 'record', 'id'], message: 'record.id must equal id' });
        return;
      }
      if (i > 0 && m.seq !== p.mutations[i - 1].seq + 1) {
        ctx.addIssue({ code: 'custom', path: ['mutations', i, 'seq'], message: 'seq must rise by one each mutation' });
        return;
      }
    }
  });
export type PushRequest = z.infer<typeof pushRequestSchema>;
export type PushResponse = { lastSeq: number };

export const pullQuerySchema = z.strictObject({
  cursor: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
});

export type Change = {
  kind: Kind;
  id: string;
  version: number;
  deleted: boolean;
  /** The record as last written; null for a tombstone. */
  record: Record<string, unknown> | null;
};
export type PullResponse = { changes: Change[]; cursor: number; hasMore: boolean; lastSeq: number };

export const registerDeviceSchema = z.strictObject({
  /** Optional code from another of this person's devices, so both share one person's records. */
  linkCode: z.string().trim().min(6).max(32).optional(),
});
export type RegisterDeviceResponse = { deviceId: string; token: string };
