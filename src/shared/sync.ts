// The push/pull sync protocol (Replicache-style, global version), shared by the app and the server.
// Docs: ../shared/docs/architecture.md "Sync protocol".
import { z } from 'zod';
import { checkinSchema } from './checkins.ts';
import { ons4Schema } from './ons4.ts';
import { appointmentSchema } from './appointments/schema.ts';

/**
 * Every kind of record a person owns and syncs, with the schema the server validates it against.
 * Add a kind here (one line) and it syncs: the server stores it, the pull feed carries it.
 */
export const personalRecordSchemas = {
  checkin: checkinSchema,
  ons4: ons4Schema,
  appointment: appointmentSchema,
} as const;
export type PersonalKind = keyof typeof personalRecordSchemas;
export const PERSONAL_KINDS = Object.keys(personalRecordSchemas) as PersonalKind[];

/** Kinds the server writes and every phone reads (the public directory). Read-only for devices. */
export const PUBLIC_KINDS = ['service'] as const;
export type PublicKind = (typeof PUBLIC_KINDS)[number];
export type Kind = PersonalKind | PublicKind;

export const MAX_MUTATIONS_PER_PUSH = 500;

export const mutationSchema = z
  .strictObject({
    seq: z.int().min(1).max(Number.MAX_SAFE_INTEGER),
    kind: z.enum(PERSONAL_KINDS as [PersonalKind, ...PersonalKind[]]),
    op: z.enum(['put', 'delete']),
    id: z.uuid(),
    record: z.unknown().optional(),
    clientTime: z.iso.datetime({ offset: true }),
  })
  // A transform, not a refinement: the record comes out as its schema reads it (defaults filled), parsed once.
  .transform((m, ctx) => {
    if (m.op === 'delete') {
      if (m.record !== undefined) ctx.addIssue({ code: 'custom', path: ['record'], message: 'A delete carries no record' });
      return m;
    }
    const parsed = personalRecordSchemas[m.kind].safeParse(m.record);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, code: 'custom', path: ['record', ...issue.path] });
      return m;
    }
    if ((parsed.data as { id: string }).id !== m.id) ctx.addIssue({ code: 'custom', path: ['record', 'id'], message: 'record.id must equal id' });
    return { ...m, record: parsed.data as unknown };
  });
export type Mutation = z.infer<typeof mutationSchema>;

export const pushRequestSchema = z
  .strictObject({
    deviceId: z.uuid(),
    mutations: z.array(mutationSchema).max(MAX_MUTATIONS_PER_PUSH),
  })
  .superRefine((p, ctx) => {
    for (let i = 1; i < p.mutations.length; i++) {
      if (p.mutations[i].seq !== p.mutations[i - 1].seq + 1) {
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
