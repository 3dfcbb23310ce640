/**
 * The content studio's model calls. Every call goes through the gateway (budget, routing, ledger);
 * its errors are left as they are for the HTTP layer to map (apps/server/src/routes/llm/llm-errors.ts).
 */
import type { GenerateRequest, GenerateResult, LlmGateway } from '@plume/llm/gateway/gateway';

/** Who pays for and is credited with the calls of one content operation. */
export type ModelCaller = { gateway: Pick<LlmGateway, 'generate'>; workspaceId: string; userId: string | null };

/**
 * One gateway call on behalf of `caller`.
 *
 * @example await askModel(caller, 'caption', { system, messages: [{ role: 'user', content: prompt }] }, false)
 */
export async function askModel(
  caller: ModelCaller,
  task: GenerateRequest['task'],
  call: GenerateRequest['call'],
  cache = true,
): Promise<GenerateResult> {
  return caller.gateway.generate({ workspaceId: caller.workspaceId, userId: caller.userId, task, call, cache });
}
