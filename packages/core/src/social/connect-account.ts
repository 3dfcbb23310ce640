/**
 * Connecting accounts: OAuth 2.0 (authorization code, PKCE S256, signed single-use state; per-server
 * app registration for Mastodon), pasted credentials (Bluesky app password, Telegram bot, Discord
 * webhook). The pick step, when one login can post as several accounts, is in pending-identities.ts.
 */
import { and, eq, gt, sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { networkAppRegistrations, oauthStates, pendingConnections } from '@plume/db/schema/social';
import { AppError } from '@plume/errors/app-error';
import type { ConnectedIdentity, NetworkProvider, TokenSet } from '@plume/networks/contract';
import { createPkcePair } from '@plume/networks/shared/oauth2';
import type { AuditActor } from '../audit/record-audit.ts';
import type { Keyring } from '../secrets/keyring.ts';
import { encryptTokens, getAccount, type AccountView } from './account-store.ts';
import type { NetworkRuntime } from './network-runtime.ts';
import { OAUTH_STATE_TTL_MS, signState, verifyState } from './oauth-state.ts';
import { atFieldOfHost, translateNetworkError } from './translate-network-error.ts';
import { saveIdentities } from './save-identities.ts';
import { waitBriefly } from './wait-briefly.ts';

export type ConnectDeps = { db: Database; keyring: Keyring; runtime: NetworkRuntime };

const PENDING_TTL_MS = 30 * 60 * 1000;

/** Normalizes what a user types for a server: `mastodon.social` → `https://mastodon.social`. */
export function normalizeInstanceUrl(input: string): string {
  const text = input.trim();
  const withScheme = /^https?:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw AppError.validation('instanceUrl', 'Enter the server address, like mastodon.social.');
  }
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') {
    throw AppError.validation('instanceUrl', 'Enter only the server address, like mastodon.social.');
  }
  return url.origin;
}

function oauthOf(provider: NetworkProvider): NonNullable<NetworkProvider['oauth']> {
  if (provider.oauth === undefined) {
    throw AppError.validation('network', `${provider.manifest.name} connects with credentials, not a sign-in page.`);
  }
  return provider.oauth;
}

/** Registers Plume on a federated server once and reuses the registration. */
async function appForInstance(
  deps: ConnectDeps,
  provider: NetworkProvider,
  instanceUrl: string,
): Promise<{ clientId: string; clientSecret: string }> {
  const network = provider.manifest.id;
  const redirectUri = deps.runtime.redirectUri;
  const [known] = await deps.db
    .select()
    .from(networkAppRegistrations)
    .where(
      and(
        eq(networkAppRegistrations.network, network),
        eq(networkAppRegistrations.instanceUrl, instanceUrl),
        eq(networkAppRegistrations.redirectUri, redirectUri),
      ),
    );
  // A registration whose secret this server cannot read (restored without its key), or one made for fewer
  // scopes than Plume now asks (the inbox added some), is registered anew.
  const scopes = provider.manifest.auth.kind === 'oauth2' ? provider.manifest.auth.scopes.join(' ') : '';
  const readable = known !== undefined && deps.keyring.missingKeyOf(known.clientSecretCiphertext) === null;
  if (known !== undefined && readable && known.scopes === scopes)
    return { clientId: known.clientId, clientSecret: deps.keyring.decrypt(known.clientSecretCiphertext) };
  const register = oauthOf(provider).registerApp;
  if (register === undefined) throw new Error(`${network} is per-instance but cannot register apps`);
  let app: { clientId: string; clientSecret: string };
  try {
    app = await register(waitBriefly(deps.runtime.context(network)), { instanceUrl, redirectUri });
  } catch (error) {
    throw atFieldOfHost(
      translateNetworkError(error, `${provider.manifest.name} (${new URL(instanceUrl).host})`),
      error,
      { instanceUrl },
      '',
    );
  }
  await deps.db
    .insert(networkAppRegistrations)
    .values({
      network,
      instanceUrl,
      redirectUri,
      clientId: app.clientId,
      clientSecretCiphertext: deps.keyring.encrypt(app.clientSecret),
      scopes,
    })
    .onConflictDoUpdate({
      target: [
        networkAppRegistrations.network,
        networkAppRegistrations.instanceUrl,
        networkAppRegistrations.redirectUri,
      ],
      set: { clientId: app.clientId, clientSecretCiphertext: deps.keyring.encrypt(app.clientSecret), scopes },
      // Only an unreadable or outdated one is replaced: a current one registered meanwhile by another request wins.
      setWhere: sql`split_part(${networkAppRegistrations.clientSecretCiphertext}, ':', 2) <> ${deps.keyring.currentKeyId}
        OR ${networkAppRegistrations.scopes} <> ${scopes}`,
    });
  return app;
}

/** Starts an OAuth connection; the caller redirects the browser to `authorizeUrl`. */
export async function startOAuthConnect(
  deps: ConnectDeps,
  input: { workspaceId: string; userId: string; network: string; instanceUrl?: string; reconnectAccountId?: string },
): Promise<{ authorizeUrl: string }> {
  const provider = deps.runtime.provider(input.network);
  const oauth = oauthOf(provider);
  const auth = provider.manifest.auth;
  const perInstance = auth.kind === 'oauth2' && auth.perInstance;
  if (perInstance && input.instanceUrl === undefined) {
    throw AppError.validation('instanceUrl', `Enter the ${provider.manifest.name} server your account is on.`);
  }
  const instanceUrl =
    perInstance && input.instanceUrl !== undefined ? normalizeInstanceUrl(input.instanceUrl) : undefined;
  const app = instanceUrl === undefined ? undefined : await appForInstance(deps, provider, instanceUrl);
  const context = deps.runtime.context(provider.manifest.id, app);
  const pkce = createPkcePair();
  const [row] = await deps.db
    .insert(oauthStates)
    .values({
      workspaceId: input.workspaceId,
      userId: input.userId,
      network: provider.manifest.id,
      codeVerifierCiphertext: deps.keyring.encrypt(pkce.verifier),
      instanceUrl: instanceUrl ?? null,
      reconnectAccountId: input.reconnectAccountId ?? null,
      expiresAt: new Date(Date.now() + OAUTH_STATE_TTL_MS),
    })
    .returning({ id: oauthStates.id });
  if (!row) throw new Error('oauth state insert returned no row');
  const url = oauth.authorizeUrl(context, {
    state: signState(deps.keyring, row.id),
    codeChallenge: pkce.challenge,
    redirectUri: deps.runtime.redirectUri,
    ...(instanceUrl === undefined ? {} : { instanceUrl }),
  });
  return { authorizeUrl: url.toString() };
}

export type ConnectOutcome =
  | { kind: 'connected'; workspaceId: string; accounts: AccountView[] }
  | { kind: 'pick'; workspaceId: string; pendingId: string };

/**
 * Finishes an OAuth connection at the callback: checks and consumes the state, exchanges the code,
 * and either connects the one account the login gives or keeps the choice for the pick step.
 */
export async function completeOAuthConnect(
  deps: ConnectDeps,
  input: { state: string; code: string; userId: string; actor: AuditActor },
): Promise<ConnectOutcome> {
  const stateId = verifyState(deps.keyring, input.state);
  if (stateId === undefined)
    throw AppError.validation('state', 'This sign-in link is not valid. Start connecting again.');
  const [state] = await deps.db
    .delete(oauthStates)
    .where(and(eq(oauthStates.id, stateId), gt(oauthStates.expiresAt, new Date())))
    .returning();
  if (state === undefined)
    throw AppError.validation('state', 'This sign-in link was used already or has expired. Start connecting again.');
  if (state.userId !== input.userId) throw AppError.forbidden('This connection was started by another user.');

  const provider = deps.runtime.provider(state.network);
  const oauth = oauthOf(provider);
  const instanceUrl = state.instanceUrl ?? undefined;
  const app = instanceUrl === undefined ? undefined : await appForInstance(deps, provider, instanceUrl);
  const context = deps.runtime.context(provider.manifest.id, app);
  const metadata: Record<string, string> = instanceUrl === undefined ? {} : { instanceUrl };
  let tokens: TokenSet;
  let identities: ConnectedIdentity[];
  try {
    tokens = await oauth.exchangeCode(context, {
      code: input.code,
      codeVerifier: deps.keyring.decrypt(state.codeVerifierCiphertext),
      redirectUri: deps.runtime.redirectUri,
      ...(instanceUrl === undefined ? {} : { instanceUrl }),
    });
    identities = (await oauth.listIdentities(context, tokens, metadata)).map((identity) => ({
      ...identity,
      metadata: { ...metadata, ...identity.metadata },
    }));
  } catch (error) {
    throw translateNetworkError(error, provider.manifest.name);
  }
  if (identities.length === 0) {
    throw new AppError('network_rejected', {
      detail: `${provider.manifest.name} gave access to no account Plume can post as.`,
    });
  }
  if (identities.length === 1 || state.reconnectAccountId !== null) {
    const reconnectId = state.reconnectAccountId;
    const onlyExternalIds =
      reconnectId === null
        ? undefined
        : new Set([await identityToReconnect(deps, { ...state, reconnectId }, identities, provider.manifest.name)]);
    const accounts = await saveIdentities(deps, {
      workspaceId: state.workspaceId,
      network: provider.manifest.id,
      tokens,
      identities,
      userId: input.userId,
      actor: input.actor,
      onlyExternalIds,
    });
    return { kind: 'connected', workspaceId: state.workspaceId, accounts };
  }
  const [pending] = await deps.db
    .insert(pendingConnections)
    .values({
      workspaceId: state.workspaceId,
      userId: input.userId,
      network: provider.manifest.id,
      payloadCiphertext: deps.keyring.encrypt(
        JSON.stringify({ tokens: encryptTokens(deps.keyring, tokens), identities }),
      ),
      expiresAt: new Date(Date.now() + PENDING_TTL_MS),
    })
    .returning({ id: pendingConnections.id });
  if (!pending) throw new Error('pending connection insert returned no row');
  return { kind: 'pick', workspaceId: state.workspaceId, pendingId: pending.id };
}

/**
 * A reconnect renews one account: the sign-in must give that identity back. Saving whatever the login
 * offered would leave the account disconnected and quietly add another (a different user, or every
 * page of the login).
 */
async function identityToReconnect(
  deps: ConnectDeps,
  state: { workspaceId: string; network: string; reconnectId: string },
  identities: readonly ConnectedIdentity[],
  networkName: string,
): Promise<string> {
  const account = await getAccount(deps.db, state.workspaceId, state.reconnectId);
  const match = identities.find((identity) => identity.externalId === account.externalId);
  if (account.network !== state.network || match === undefined) {
    const signedInAs = identities.map((identity) => identity.handle).join(', ');
    throw new AppError('network_rejected', {
      detail: `You signed in to ${networkName} as ${signedInAs}, not as ${account.handle}. Sign in as ${account.handle} to reconnect it.`,
    });
  }
  return match.externalId;
}

/** Connects with pasted credentials; field errors point at `credentials.<field>`. */
export async function connectWithCredentials(
  deps: ConnectDeps,
  input: {
    workspaceId: string;
    userId: string | null;
    network: string;
    credentials: Record<string, unknown>;
    actor: AuditActor;
  },
): Promise<AccountView> {
  const provider = deps.runtime.provider(input.network);
  const auth = provider.manifest.auth;
  if (auth.kind !== 'credentials' || provider.credentials === undefined) {
    throw AppError.validation('network', `${provider.manifest.name} connects through its sign-in page.`);
  }
  const parsed = auth.fields.safeParse(input.credentials);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((issue) => ({
      path: ['credentials', ...issue.path.map(String)].join('.'),
      message: issue.message,
    }));
    throw new AppError('validation_failed', {
      detail: errors.map((error) => `${error.path}: ${error.message}`).join('; '),
      errors,
    });
  }
  let connected: { tokens: TokenSet; identity: ConnectedIdentity };
  try {
    connected = await provider.credentials.connect(
      waitBriefly(deps.runtime.context(provider.manifest.id)),
      parsed.data,
    );
  } catch (error) {
    throw atFieldOfHost(translateNetworkError(error, provider.manifest.name), error, parsed.data, 'credentials');
  }
  const [account] = await saveIdentities(deps, {
    workspaceId: input.workspaceId,
    network: provider.manifest.id,
    tokens: connected.tokens,
    identities: [connected.identity],
    userId: input.userId,
    actor: input.actor,
    onlyExternalIds: undefined,
  });
  if (account === undefined) throw new Error('credential connect saved no account');
  return account;
}
