/**
 * Fresh tokens for network calls. Refreshes run under a row lock on the account, so two workers
 * never spend the same rotating refresh token (which many networks treat as theft and revoke). A
 * refresh the network refuses disconnects the account with the reason, and the workspace's owners
 * and admins are told (notifications/notify-events.ts).
 */
import { eq } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { socialAccounts } from '@plume/db/schema/social';
import type { AccountAuth, NetworkProvider, TokenSet } from '@plume/networks/contract';
import { isProviderError } from '@plume/networks/provider-errors';
import { recordAudit } from '../audit/record-audit.ts';
import { notifyAccountDisconnected } from '../notifications/notify-events.ts';
import type { Keyring } from '../secrets/keyring.ts';
import { decryptTokens, encryptTokens, unreadableTokensReason, type AccountRow } from './account-store.ts';
import type { NetworkRuntime } from './network-runtime.ts';

export type TokenDeps = { db: Database; keyring: Keyring; runtime: NetworkRuntime; appUrl: string };

/** Refresh this long before the access token expires. */
export const REFRESH_AHEAD_MS = 10 * 60 * 1000;

/** The account can no longer be used until the user reconnects it. */
export class AccountDisconnected extends Error {
  override readonly name = 'AccountDisconnected';
  readonly reason: string;

  constructor(reason: string) {
    super(`The account is disconnected: ${reason}`);
    this.reason = reason;
  }
}

/**
 * The account's credentials. Tokens written with a secret key this server does not have count as a
 * disconnected account (with the reason), as for a refused refresh: reconnecting it fixes it.
 */
export function accountAuthOf(keyring: Keyring, account: AccountRow): AccountAuth {
  const unreadable = unreadableTokensReason(keyring, account);
  if (unreadable !== null) throw new AccountDisconnected(unreadable);
  return {
    externalId: account.externalId,
    tokens: decryptTokens(keyring, account.tokensCiphertext),
    metadata: account.metadata,
  };
}

function refresherOf(provider: NetworkProvider): NonNullable<NetworkProvider['credentials']>['refresh'] {
  return provider.oauth?.refresh ?? provider.credentials?.refresh;
}

/** True when the network can refresh and the token expires within `aheadMs`. */
export function needsRefresh(
  provider: NetworkProvider,
  tokens: TokenSet,
  now: Date,
  aheadMs = REFRESH_AHEAD_MS,
): boolean {
  if (refresherOf(provider) === undefined || tokens.expiresAt === undefined) return false;
  if (provider.manifest.auth.kind === 'oauth2' && provider.manifest.auth.refresh === 'none') return false;
  return tokens.expiresAt.getTime() - now.getTime() <= aheadMs;
}

/**
 * Returns usable credentials for the account. With `rejectedToken` (the token a call just got a 401
 * for) it refreshes once, unless another worker already replaced that token.
 */
export async function getAccountAuth(
  deps: TokenDeps,
  accountId: string,
  options: {
    rejectedToken?: string;
    aheadMs?: number;
    /** Reads the account row (the publishing worker reads many in one statement); one select by default. */
    read?: (accountId: string) => Promise<AccountRow | undefined>;
  } = {},
): Promise<AccountAuth> {
  const account =
    options.read === undefined
      ? (await deps.db.select().from(socialAccounts).where(eq(socialAccounts.id, accountId)))[0]
      : await options.read(accountId);
  if (account === undefined) throw new AccountDisconnected('the account was removed');
  if (account.status === 'disconnected')
    throw new AccountDisconnected(account.disconnectedReason ?? 'it was disconnected');
  const provider = deps.runtime.provider(account.network);
  const auth = accountAuthOf(deps.keyring, account);
  const due = options.rejectedToken !== undefined || needsRefresh(provider, auth.tokens, new Date(), options.aheadMs);
  if (!due) return auth;
  return refreshAccount(deps, accountId, options);
}

/**
 * Refreshes under a row lock. Typed refusals (AuthExpired, Permanent) disconnect the account; transient
 * failures propagate and leave it connected.
 */
export async function refreshAccount(
  deps: TokenDeps,
  accountId: string,
  options: { rejectedToken?: string; aheadMs?: number } = {},
): Promise<AccountAuth> {
  const { rejectedToken } = options;
  const outcome = await deps.db.transaction(
    async (tx): Promise<{ auth: AccountAuth } | { disconnect: AccountRow; reason: string }> => {
      const [account] = await tx.select().from(socialAccounts).where(eq(socialAccounts.id, accountId)).for('update');
      if (account === undefined) throw new AccountDisconnected('the account was removed');
      if (account.status === 'disconnected')
        throw new AccountDisconnected(account.disconnectedReason ?? 'it was disconnected');
      const provider = deps.runtime.provider(account.network);
      const current = accountAuthOf(deps.keyring, account);
      // Someone refreshed while we waited for the lock: use their token.
      if (rejectedToken !== undefined && current.tokens.accessToken !== rejectedToken) return { auth: current };
      if (rejectedToken === undefined && !needsRefresh(provider, current.tokens, new Date(), options.aheadMs))
        return { auth: current };
      const refresh = refresherOf(provider);
      if (refresh === undefined) {
        return {
          disconnect: account,
          reason: `${provider.manifest.name} no longer accepts the saved credentials. Reconnect the account.`,
        };
      }
      let tokens: TokenSet;
      try {
        tokens = await refresh(deps.runtime.context(provider.manifest.id), current.tokens, account.metadata);
      } catch (error) {
        if (isProviderError(error) && (error.kind === 'auth_expired' || error.kind === 'permanent')) {
          return {
            disconnect: account,
            reason: `${provider.manifest.name} refused to renew access (${error.message}). Reconnect the account.`,
          };
        }
        throw error;
      }
      const kept: TokenSet =
        tokens.refreshToken === undefined && current.tokens.refreshToken !== undefined
          ? { ...tokens, refreshToken: current.tokens.refreshToken }
          : tokens;
      await tx
        .update(socialAccounts)
        .set({
          tokensCiphertext: encryptTokens(deps.keyring, kept),
          accessExpiresAt: kept.expiresAt ?? null,
          refreshExpiresAt: kept.refreshExpiresAt ?? null,
          lastRefreshedAt: new Date(),
          updatedAt: new Date(),
        })
        .where(eq(socialAccounts.id, account.id));
      return { auth: { externalId: account.externalId, tokens: kept, metadata: account.metadata } };
    },
  );
  if ('auth' in outcome) return outcome.auth;
  await disconnectAccount(deps, outcome.disconnect, outcome.reason);
  throw new AccountDisconnected(outcome.reason);
}

/** Marks the account disconnected (with the reason) and notifies the workspace's owners and admins. */
export async function disconnectAccount(
  deps: Pick<TokenDeps, 'db' | 'appUrl'>,
  account: AccountRow,
  reason: string,
): Promise<void> {
  await deps.db.transaction(async (own) => {
    await own
      .update(socialAccounts)
      .set({ status: 'disconnected', disconnectedReason: reason, disconnectedAt: new Date(), updatedAt: new Date() })
      .where(eq(socialAccounts.id, account.id));
    await recordAudit(
      own,
      account.workspaceId,
      { type: 'system', id: null, name: 'Plume' },
      'account.disconnected',
      'account',
      account.id,
      {
        network: account.network,
        handle: account.handle,
        reason,
      },
    );
    // The owners and admins are told in the app and by mail (as each chose); a repeat of the same
    // disconnection (the account was already disconnected) tells nobody again.
    if (account.status !== 'disconnected') await notifyAccountDisconnected(own, { account, reason });
  });
}
