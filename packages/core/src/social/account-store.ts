/**
 * Reading and writing connected accounts. Tokens are encrypted as one JSON blob with the instance
 * keyring; only expiry times stay in clear. Nothing here returns tokens to API callers: `AccountView`
 * is the public shape.
 */
import { enqueueBackfill } from '../analytics/enqueue-backfill.ts';
import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { accountSchema } from '@plume/contract/accounts/account-schemas';
import type { NetworkId } from '@plume/contract/networks/network-enums';
import type { Database } from '@plume/db/client';
import { socialAccounts } from '@plume/db/schema/social';
import type { ConnectedIdentity, TokenSet } from '@plume/networks/contract';
import { AppError } from '@plume/errors/app-error';
import { missingKeyText, type Keyring } from '../secrets/keyring.ts';

export type AccountRow = typeof socialAccounts.$inferSelect;

type StoredTokens = {
  accessToken: string;
  refreshToken?: string;
  expiresAt?: string;
  refreshExpiresAt?: string;
  scopes?: readonly string[];
};

export function encryptTokens(keyring: Keyring, tokens: TokenSet): string {
  const stored: StoredTokens = {
    accessToken: tokens.accessToken,
    ...(tokens.refreshToken === undefined ? {} : { refreshToken: tokens.refreshToken }),
    ...(tokens.expiresAt === undefined ? {} : { expiresAt: tokens.expiresAt.toISOString() }),
    ...(tokens.refreshExpiresAt === undefined ? {} : { refreshExpiresAt: tokens.refreshExpiresAt.toISOString() }),
    ...(tokens.scopes === undefined ? {} : { scopes: tokens.scopes }),
  };
  return keyring.encrypt(JSON.stringify(stored));
}

export function decryptTokens(keyring: Keyring, ciphertext: string): TokenSet {
  const stored = JSON.parse(keyring.decrypt(ciphertext)) as StoredTokens;
  return {
    accessToken: stored.accessToken,
    ...(stored.refreshToken === undefined ? {} : { refreshToken: stored.refreshToken }),
    ...(stored.expiresAt === undefined ? {} : { expiresAt: new Date(stored.expiresAt) }),
    ...(stored.refreshExpiresAt === undefined ? {} : { refreshExpiresAt: new Date(stored.refreshExpiresAt) }),
    ...(stored.scopes === undefined ? {} : { scopes: stored.scopes }),
  };
}

/** Why the account's tokens cannot be read (a secret key this server does not have), or null when they can. */
export function unreadableTokensReason(keyring: Keyring, account: Pick<AccountRow, 'tokensCiphertext'>): string | null {
  const keyId = keyring.missingKeyOf(account.tokensCiphertext);
  return keyId === null ? null : missingKeyText(keyId, "This account's saved access", 'Reconnect the account');
}

/**
 * Creates the account, or updates it when the same identity connects again (reconnect). A reconnect
 * that brings no refresh token keeps the stored one, so reconnecting never loses it.
 */
export async function upsertAccount(
  deps: { db: Pick<Database, 'select' | 'insert' | 'update' | 'execute'>; keyring: Keyring },
  input: {
    workspaceId: string;
    network: NetworkId;
    identity: ConnectedIdentity;
    tokens: TokenSet;
    userId: string | null;
  },
): Promise<{ account: AccountRow; created: boolean }> {
  const { identity } = input;
  const [existing] = await deps.db
    .select()
    .from(socialAccounts)
    .where(
      and(
        eq(socialAccounts.workspaceId, input.workspaceId),
        eq(socialAccounts.network, input.network),
        eq(socialAccounts.externalId, identity.externalId),
      ),
    )
    .for('update');
  let tokens = identity.tokens ?? input.tokens;
  // Old tokens this server cannot read (restored without their key) are simply replaced.
  if (
    existing !== undefined &&
    tokens.refreshToken === undefined &&
    unreadableTokensReason(deps.keyring, existing) === null
  ) {
    const previous = decryptTokens(deps.keyring, existing.tokensCiphertext);
    if (previous.refreshToken !== undefined) {
      tokens = {
        ...tokens,
        refreshToken: previous.refreshToken,
        ...(previous.refreshExpiresAt ? { refreshExpiresAt: previous.refreshExpiresAt } : {}),
      };
    }
  }
  const values = {
    handle: identity.handle,
    displayName: identity.displayName,
    kind: identity.kind,
    avatarUrl: identity.avatarUrl ?? null,
    profileUrl: identity.profileUrl ?? null,
    metadata: { ...identity.metadata },
    tokensCiphertext: encryptTokens(deps.keyring, tokens),
    accessExpiresAt: tokens.expiresAt ?? null,
    refreshExpiresAt: tokens.refreshExpiresAt ?? null,
    status: 'connected' as const,
    disconnectedReason: null,
    disconnectedAt: null,
    healthError: null,
    // A reconnection is how a missing permission is granted: reads are tried again before saying so.
    metricsError: null,
    metricsErrorAt: null,
    lastRefreshedAt: new Date(),
    updatedAt: new Date(),
  };
  if (existing !== undefined) {
    const [account] = await deps.db
      .update(socialAccounts)
      .set(values)
      .where(eq(socialAccounts.id, existing.id))
      .returning();
    if (!account) throw new Error('account update returned no row');
    return { account, created: false };
  }
  const [account] = await deps.db
    .insert(socialAccounts)
    .values({
      ...values,
      workspaceId: input.workspaceId,
      network: input.network,
      externalId: identity.externalId,
      connectedBy: input.userId,
    })
    .returning();
  if (!account) throw new Error('account insert returned no row');
  // A new account's recent posts are read back right away, so learning has data from the first day.
  await enqueueBackfill(deps.db, account.id);
  return { account, created: true };
}

export async function getAccount(
  db: Pick<Database, 'select'>,
  workspaceId: string,
  accountId: string,
): Promise<AccountRow> {
  const [account] = await db
    .select()
    .from(socialAccounts)
    .where(and(eq(socialAccounts.workspaceId, workspaceId), eq(socialAccounts.id, accountId)));
  if (account === undefined) throw AppError.notFound('account');
  return account;
}

export async function listAccountRows(db: Pick<Database, 'select'>, workspaceId: string): Promise<AccountRow[]> {
  return db
    .select()
    .from(socialAccounts)
    .where(eq(socialAccounts.workspaceId, workspaceId))
    .orderBy(asc(socialAccounts.network), asc(socialAccounts.displayName));
}

/** The public shape of an account: no tokens, ever. */
export type AccountView = Omit<z.output<typeof accountSchema>, 'failedWhileDisconnected'>;

/**
 * With the keyring, an account whose tokens cannot be read shows as disconnected with the reason: it
 * needs reconnecting (or the right secret key) before anything can be posted with it.
 */
export function toAccountView(row: AccountRow, now: Date = new Date(), keyring?: Keyring): AccountView {
  const iso = (value: Date | null) => (value === null ? null : value.toISOString());
  const unreadable =
    keyring === undefined || row.status === 'disconnected' ? null : unreadableTokensReason(keyring, row);
  return {
    id: row.id,
    network: row.network,
    externalId: row.externalId,
    handle: row.handle,
    displayName: row.displayName,
    kind: row.kind,
    avatarUrl: row.avatarUrl,
    profileUrl: row.profileUrl,
    status: unreadable === null ? row.status : 'disconnected',
    disconnectedReason: unreadable ?? row.disconnectedReason,
    tokenExpiresAt: iso(row.accessExpiresAt),
    lastRefreshedAt: iso(row.lastRefreshedAt),
    healthCheckedAt: iso(row.healthCheckedAt),
    healthError: row.healthError,
    metricsError: row.metricsError,
    rateLimitedUntil:
      row.rateLimitedUntil !== null && row.rateLimitedUntil > now ? row.rateLimitedUntil.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
  };
}
