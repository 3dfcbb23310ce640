import type { PostEventType, PostState, TargetState } from '@plume/contract/posts/post-states';
import type { Database } from '@plume/db/client';
import { postEvents } from '@plume/db/schema/publishing';

export type EventActor = { id: string | null; name: string | null };

export const SYSTEM_ACTOR: EventActor = { id: null, name: 'Plume' };

/** Appends to a post's history; call it in the transaction that made the change. */
export async function recordPostEvent(
  tx: Pick<Database, 'insert'>,
  event: {
    postId: string;
    targetId?: string | null;
    actor: EventActor;
    type: PostEventType;
    fromState?: PostState | TargetState | null;
    toState?: PostState | TargetState | null;
    detail?: Record<string, unknown>;
  },
): Promise<void> {
  await tx.insert(postEvents).values({
    postId: event.postId,
    targetId: event.targetId ?? null,
    actorId: event.actor.id,
    actorName: event.actor.name,
    type: event.type,
    fromState: event.fromState ?? null,
    toState: event.toState ?? null,
    detail: event.detail ?? {},
  });
}
