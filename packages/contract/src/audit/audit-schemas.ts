/** The workspace audit log: who changed what. */
import { z } from 'zod';
import { timestamp, type Wire } from '../wire.ts';

export const AUDIT_ACTOR_TYPES = ['user', 'api_key', 'system'] as const;
export type AuditActorType = (typeof AUDIT_ACTOR_TYPES)[number];

export const auditEventSchema = z.object({
  id: z.number(),
  actorId: z.string().nullable(),
  actorType: z.enum(AUDIT_ACTOR_TYPES),
  actorName: z.string().nullable(),
  action: z.string().describe('`<subject>.<verb>`, e.g. `post.created`'),
  subjectType: z.string(),
  subjectId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  createdAt: timestamp,
});

export type AuditEvent = Wire<typeof auditEventSchema>;
