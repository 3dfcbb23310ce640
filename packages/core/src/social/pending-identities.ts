/**
 * The pick step of connecting: when one login can post as several accounts (pages, organizations,
 * channels), the offered identities wait here, encrypted, until the user picks which to connect.
 */
import { and, eq, lt } from 'drizzle-orm';
import { z } from 'zod';
import { pendingConnections } from '@plume/db/schema/social';
import { AppError } from '@plume/errors/app-error';
import type { NetworkId } from '@plume/contract/networks/network-enums';
import type { ConnectedIdentity, TokenSet } from '@plume/networks/contract';
import type { AuditActor } from '../audit/record-audit.ts';
import { decryptTokens, type AccountView } from './account-store.ts';
import type { ConnectDeps } from './connect-account.ts';
import { saveIdentities } from './save-identities.ts';

const pendingPayload = z.object({
  tokens: z.string(),
  identities: z.array(z.custom<ConnectedIdentity>((value) => typeof value === 'object' && value !== null)),
});

async function readPending(deps: ConnectDeps, input: { workspaceId: string; userId: string; pendingId: string }) {
  await deps.db.delete(pendingConnections).where(lt(pendingConnections.expiresAt, new Date()));
  const [row] = await deps.db
    .select()
    .from(pendingConnections)
    .where(
      and(
        eq(pendingConnections.id, input.pendingId),
        eq(pendingConnections.workspaceId, input.workspaceId),
        eq(pendingConnections.userId, input.userId),
      ),
    );
  if (row === undefined) throw AppError.notFound('pending connection');
  const payload = pendingPayload.parse(JSON.parse(deps.keyring.decrypt(row.payloadCiphertext)));
  const identities = payload.identities.map((identity) =>
    identity.tokens === undefined ? identity : { ...identity, tokens: reviveTokens(identity.tokens) },
  );
  return { row, tokens: decryptTokens(deps.keyring, payload.tokens), identities };
}

/** JSON turns dates into strings; bring them back for identity-level tokens. */
function reviveTokens(tokens: TokenSet): TokenSet {
  const date = (value: Date | string | undefined) => (value === undefined ? undefined : new Date(value));
  const expiresAt = date(tokens.expiresAt);
  const refreshExpiresAt = date(tokens.refreshExpiresAt);
  return { ...tokens, ...(expiresAt ? { expiresAt } : {}), ...(refreshExpiresAt ? { refreshExpiresAt } : {}) };
}

/** The accounts a login offered, for the pick step (no tokens). */
export async function listPendingIdentities(
  deps: ConnectDeps,
  input: { workspaceId: string; userId: string; pendingId: string },
): Promise<{ network: NetworkId; identities: Omit<ConnectedIdentity, 'tokens' | 'metadata'>[] }> {
  const { row, identities } = await readPending(deps, input);
  return {
    network: row.network,
    identities: identities.map(({ externalId, handle, displayName, kind, avatarUrl, profileUrl }) => ({
      externalId,
      handle,
      displayName,
      kind,
      ...(avatarUrl === undefined ? {} : { avatarUrl }),
      ...(profileUrl === undefined ? {} : { profileUrl }),
    })),
  };
}

/** Connects the accounts the user picked and forgets the rest. */
export async function pickIdentities(
  deps: ConnectDeps,
  input: { workspaceId: string; userId: string; pendingId: string; externalIds: string[]; actor: AuditActor },
): Promise<AccountView[]> {
  const { row, tokens, identities } = await readPending(deps, input);
  const unknown = input.externalIds.filter((id) => !identities.some((identity) => identity.externalId === id));
  if (unknown.length > 0)
    throw AppError.validation('externalIds', `Not offered by this sign-in: ${unknown.join(', ')}.`);
  const accounts = await saveIdentities(deps, {
    workspaceId: input.workspaceId,
    network: row.network,
    tokens,
    identities,
    userId: input.userId,
    actor: input.actor,
    onlyExternalIds: new Set(input.externalIds),
  });
  await deps.db.delete(pendingConnections).where(eq(pendingConnections.id, row.id));
  return accounts;
}
