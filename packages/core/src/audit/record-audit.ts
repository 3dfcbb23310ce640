import type { Database } from '@plume/db/client';
import { auditEvents } from '@plume/db/schema/audit';

export type AuditActor = { type: 'user' | 'api_key' | 'system'; id: string | null; name: string | null };

type Inserter = Pick<Database, 'insert'>;

/** Appends one audit event; call it inside the transaction that made the change. */
export async function recordAudit(
  tx: Inserter,
  workspaceId: string,
  actor: AuditActor,
  action: string,
  subjectType: string,
  subjectId: string | null,
  data: Record<string, unknown> = {},
): Promise<void> {
  await tx.insert(auditEvents).values({
    workspaceId,
    actorId: actor.id,
    actorType: actor.type,
    actorName: actor.name,
    action,
    subjectType,
    subjectId,
    data,
  });
}
