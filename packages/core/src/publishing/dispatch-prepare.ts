/**
 * Prepares a target the dispatcher holds, well before it is due: the request built (media resolved,
 * links rewritten), the account's token read and decrypted (refreshed when due), the host + app its call
 * is counted against. At the due instant only the start statement and the call remain.
 */
import type { AccountAuth, NetworkContext, NetworkProvider, PublishRequest } from '@plume/networks/contract';
import { getAccountAuth } from '../social/account-tokens.ts';
import type { PostFeatures } from '../analytics/post-features.ts';
import { accountLimitKey } from './claim-target.ts';
import type { HeldTarget } from './dispatch-holds.ts';
import type { CallLimits } from './network-limiter.ts';
import { measureOf, prepareRequest } from './publish-call.ts';
import type { PublishingBatches } from './publishing-batches.ts';
import type { PublishDeps } from './publish-target.ts';

/** Per network, the provider's `warmUp` (once per process). */
const warmed: Record<string, Promise<void>> = {};

export type ReadyTarget = {
  held: HeldTarget;
  provider: NetworkProvider;
  context: NetworkContext;
  auth: AccountAuth;
  request: PublishRequest;
  limits: CallLimits;
  measure?: PostFeatures;
};

/** Throws when the target cannot be prepared; the job path then sorts it out at its due time. */
export async function prepareHeld(
  deps: PublishDeps & { batches: PublishingBatches },
  held: HeldTarget,
): Promise<ReadyTarget> {
  const { target } = held;
  const provider = deps.runtime.provider(target.network);
  const request = await prepareRequest(deps, held);
  // A library the provider loads with its first post is loaded now, not in the middle of the burst.
  await (warmed[provider.manifest.id] ??= provider.warmUp?.().catch(() => undefined) ?? Promise.resolve());
  const context = deps.runtime.context(provider.manifest.id);
  // The accounts of a batch are read in one statement; a refresh, when due, locks its own row.
  const auth = await getAccountAuth(deps, target.accountId, { read: (id) => deps.batches.readAccount(id) });
  const limits: CallLimits = {
    key: accountLimitKey(deps.runtime, target.network, auth.metadata),
    account: target.accountId,
    operation: 'publish',
    concurrency: provider.manifest.publishConcurrency,
    rules: provider.manifest.rateLimits,
  };
  return { held, provider, context, auth, request, limits, ...measureOf(deps, held) };
}
