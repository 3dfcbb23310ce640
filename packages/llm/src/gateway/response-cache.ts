/**
 * Answers to identical requests, per workspace and model, kept by the gateway's store until they expire.
 * "Identical" is after normalization: whitespace runs collapsed and ends trimmed, keys in one order.
 */
import { createHash } from 'node:crypto';
import type { ModelCall } from '../provider-contract.ts';

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The cache key of a call on one provider and model. */
export function cacheKey(workspaceId: string, provider: string, model: string, call: ModelCall): string {
  const canonical = JSON.stringify([
    workspaceId,
    provider,
    model,
    normalize(call.system ?? ''),
    call.messages.map((message) => [
      message.role,
      normalize(message.content),
      ...(message.images ?? []).map((image) => createHash('sha256').update(image.bytes).digest('base64url')),
    ]),
    call.responseFormat ?? 'text',
    call.temperature ?? null,
    call.maxOutputTokens ?? null,
    call.numCtx ?? null,
  ]);
  return createHash('sha256').update(canonical).digest('base64url');
}
