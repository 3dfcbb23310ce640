/**
 * Account upkeep on a user's request: a health check against the network (which also refreshes the
 * profile), and removal.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { postTargets } from '@plume/db/schema/publishing';
import { socialAccounts } from '@plume/db/schema/social';
import { isProviderError } from '@plume/networks/provider-errors';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';
import { dequeuePublishJobs } from '../publishing/publish-queue.ts';
import { getAccount, toAccountView, type AccountView } from './account-store.ts';
import { AccountDisconnected, getAccountAuth, type TokenDeps } from './account-tokens.ts';
import { translateNetworkError } from './translate-network-error.ts';
import { waitBriefly } from './wait-briefly.ts';

/**
 * Asks the network whether the account works. A refused token is refreshed once; if that fails the
 * account is disconnected (and owners told). The result is stored and shown on the accounts page.
 */
export async function checkAccountHealth(
  deps: TokenDeps,
  workspaceId: string,
  accountId: string,
): Promise<AccountView> {
  const account = await getAccount(deps.db, workspaceId, accountId);
  const provider = deps.runtime.provider(account.network);
  let healthError: string | null = null;
  let identity;
  try {
    let auth = await getAccountAuth(deps, account.id);
    // Someone clicked Check and waits: an unreachable network is reported within seconds.
    const context = waitBriefly(deps.runtime.context(provider.manifest.id));
    try {
      identity = await provider.health(context, auth);
    } catch (error) {
      if (!isProviderError(error) || error.kind !== 'auth_expired') throw error;
      auth = await getAccountAuth(deps, account.id, { rejectedToken: auth.tokens.accessToken });
      identity = await provider.health(context, auth);
    }
  } catch (error) {
    healthError =
      error instanceof AccountDisconnected
        ? error.reason
        : (translateNetworkError(error, provider.manifest.name).detail ?? 'The check failed.');
  }
  const [updated] = await deps.db
    .update(socialAccounts)
    .set({
      healthCheckedAt: new Date(),
      healthError,
      ...(identity === undefined
        ? {}
        : {
            handle: identity.handle,
            displayName: identity.displayName,
            avatarUrl: identity.avatarUrl ?? account.avatarUrl,
            rateLimitedUntil: null,
          }),
      updatedAt: new Date(),
    })
    .where(eq(socialAccounts.id, account.id))
    .returning();
  return toAccountView(updated ?? account, new Date(), deps.keyring);
}

/** Removes the account; targets not yet published go with it (published posts stay on the network). */
export async function removeAccount(
  db: Database,
  input: { workspaceId: string; accountId: string; actor: AuditActor },
): Promise<void> {
  await db.transaction(async (tx) => {
    const account = await getAccount(tx, input.workspaceId, input.accountId);
    const open = await tx
      .select({ id: postTargets.id })
      .from(postTargets)
      .where(and(eq(postTargets.accountId, account.id), inArray(postTargets.state, ['pending', 'publishing'])));
    await dequeuePublishJobs(
      tx,
      open.map((target) => target.id),
    );
    await tx.delete(socialAccounts).where(eq(socialAccounts.id, account.id));
    await recordAudit(tx, input.workspaceId, input.actor, 'account.removed', 'account', account.id, {
      network: account.network,
      handle: account.handle,
    });
  });
}
