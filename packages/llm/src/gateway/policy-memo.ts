/**
 * The workspace's stored policy per task, remembered for a moment (like the provider directory's
 * list) so the gateway does not read it on every call. Saving a policy applies within `ttlMs`, at
 * once in the process that calls `forget`.
 */
import type { LlmTask } from '../provider-contract.ts';
import type { RoutingPolicy } from './routing.ts';

/** Reads a stored policy; `Task` is an LLM task, or a media task for the media gateway. */
export type PolicySource<Task extends string = LlmTask> = (
  workspaceId: string,
  task: Task,
) => Promise<RoutingPolicy | null>;

/** How long a stored policy is remembered by default: the provider directory's 2 s. */
export const POLICY_TTL_MS = 2000;
const MAX_REMEMBERED = 10_000;

export function createPolicyMemo<Task extends string = LlmTask>(
  source: PolicySource<Task> | undefined,
  ttlMs = POLICY_TTL_MS,
  now: () => number = Date.now,
) {
  const remembered = new Map<string, { at: number; policy: Promise<RoutingPolicy | null> }>();
  return {
    read(workspaceId: string, task: Task): Promise<RoutingPolicy | null> {
      if (source === undefined) return Promise.resolve(null);
      if (ttlMs <= 0) return source(workspaceId, task);
      const key = `${workspaceId}\u0000${task}`;
      const memo = remembered.get(key);
      if (memo && now() - memo.at < ttlMs) return memo.policy;
      const policy = source(workspaceId, task);
      remembered.set(key, { at: now(), policy });
      // A failed read is not remembered: the next call asks again.
      policy.catch(() => remembered.delete(key));
      if (remembered.size > MAX_REMEMBERED) remembered.delete(remembered.keys().next().value as string);
      return policy;
    },
    /** Forgets a workspace's remembered policies (after one is saved or reset). */
    forget(workspaceId: string): void {
      for (const key of remembered.keys()) if (key.startsWith(`${workspaceId}\u0000`)) remembered.delete(key);
    },
  };
}
