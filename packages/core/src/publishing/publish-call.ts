/**
 * The pieces of a publish call shared by the job path (publish-target.ts) and the dispatcher
 * (dispatcher.ts): preparing the request, sending it (refresh once on 401), and turning what happened
 * into an outcome to record.
 */

import { isProviderError } from '@plume/networks/provider-errors';
import { PartlyPublished } from '@plume/networks/shared/partly-published';
import { AppError } from '@plume/errors/app-error';
import type {
  AccountAuth,
  NetworkContext,
  NetworkProvider,
  PublishRequest,
  PublishResult,
} from '@plume/networks/contract';
import { AccountDisconnected, getAccountAuth, type TokenDeps } from '../social/account-tokens.ts';
import type { MediaStore } from '../media/media-store.ts';
import { buildPublishRequest } from './build-publish-request.ts';
import type { ClaimedTarget } from './claim-batch.ts';
import { rewriteLinks, type LinkRewriter } from './link-rewriter.ts';
import type { Outcome } from './record-outcome.ts';
import { featuresOfContent, type PostFeatures } from '../analytics/post-features.ts';
import { resolveTargetContent } from '../posts/resolve-target-content.ts';

type PrepareDeps = TokenDeps & { media: MediaStore; links?: LinkRewriter };

/** What a target's call needs, as far as it is known before the call: the target and its post. */
export type TargetToSend = Pick<ClaimedTarget, 'target' | 'post'>;

/** The request the network gets (media resolved, links rewritten); throws when the post cannot be sent. */
export async function prepareRequest(deps: PrepareDeps, claim: TargetToSend): Promise<PublishRequest> {
  const { target, post } = claim;
  const provider = deps.runtime.provider(target.network);
  const built = await buildPublishRequest(deps, {
    targetId: target.id,
    content: post.content,
    override: target.override,
    settings: target.settings,
    manifest: provider.manifest,
  });
  return rewriteLinks(built, deps.links, {
    workspaceId: target.workspaceId,
    postId: post.id,
    targetId: target.id,
    network: target.network,
  });
}

/** The outcome of a request that could not be prepared (nothing was sent). */
export function preparationFailed(error: unknown, durationMs: number): Outcome {
  const reason = isProviderError(error) ? error.message : 'The post could not be prepared.';
  return { kind: 'failed', failureKind: 'invalid_content', reason, durationMs };
}

/** Sends the request; on a refused token refreshes once and tries once more. Never throws. */
export async function sendPublish(
  deps: TokenDeps,
  input: {
    provider: NetworkProvider;
    context: NetworkContext;
    auth: AccountAuth;
    request: PublishRequest;
    accountId: string;
    elapsed: () => number;
  },
): Promise<Outcome> {
  const { provider, context, request, elapsed } = input;
  let result: PublishResult;
  try {
    result = await provider.publish(context, input.auth, request);
  } catch (error) {
    if (!isProviderError(error) || error.kind !== 'auth_expired') return outcomeOfError(error, elapsed());
    let auth: AccountAuth;
    try {
      auth = await getAccountAuth(deps, input.accountId, { rejectedToken: input.auth.tokens.accessToken });
    } catch (refreshError) {
      return outcomeBeforeSending(refreshError, elapsed());
    }
    try {
      result = await provider.publish(context, auth, request);
    } catch (retryError) {
      return outcomeOfError(retryError, elapsed());
    }
  }
  return { kind: 'published', result, durationMs: elapsed() };
}

/** The features of a published target whose network can be measured (its snapshots get scheduled). */
export function measureOf(deps: Pick<TokenDeps, 'runtime'>, claim: TargetToSend): { measure?: PostFeatures } {
  const { manifest } = deps.runtime.provider(claim.target.network);
  if (manifest.analytics.post === null) return {};
  return { measure: featuresOfContent(resolveTargetContent(claim.post.content, claim.target.override), manifest) };
}

/** Failures before anything was sent: never `unknown`, since the network cannot have the post. */
export function outcomeBeforeSending(error: unknown, durationMs: number): Outcome {
  if (error instanceof AppError)
    return { kind: 'failed', failureKind: 'not_configured', reason: error.detail ?? error.message, durationMs };
  if (error instanceof AccountDisconnected || isProviderError(error)) return outcomeOfError(error, durationMs);
  return { kind: 'retry', reason: error instanceof Error ? error.message : String(error), durationMs };
}

export function outcomeOfError(error: unknown, durationMs: number): Outcome {
  // The post is online: it counts as published, never retried; the warning says what is missing.
  if (error instanceof PartlyPublished)
    return { kind: 'published', result: error.published, warning: error.message, durationMs };
  if (error instanceof AccountDisconnected)
    return { kind: 'failed', failureKind: 'account_disconnected', reason: error.message, durationMs };
  if (isProviderError(error)) {
    switch (error.kind) {
      case 'rate_limited':
        return { kind: 'rate_limited', retryAfterMs: error.retryAfterMs, scope: error.scope, durationMs };
      case 'retryable':
        return { kind: 'retry', reason: error.reason, durationMs };
      case 'permanent':
        return { kind: 'failed', failureKind: 'rejected', reason: error.reason, durationMs };
      case 'auth_expired':
        return {
          kind: 'failed',
          failureKind: 'auth',
          reason: `The network still refused the account after renewing access: ${error.message}`,
          durationMs,
        };
    }
  }
  return { kind: 'unknown', reason: error instanceof Error ? error.message : String(error), durationMs };
}
