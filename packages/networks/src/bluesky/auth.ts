/**
 * Connecting Bluesky with an app password: com.atproto.server.createSession on the user's host
 * (bsky.social unless they name their own PDS), then every call goes to the PDS named in the DID
 * document. Sessions are renewed with com.atproto.server.refreshSession, which takes the refresh JWT
 * as the bearer token and returns a new pair (the old refresh JWT stops working).
 * Docs: docs.bsky.app/docs/api/com-atproto-server-create-session, …-refresh-session
 */
import type { CredentialOperations, NetworkContext, TokenSet } from '../contract.ts';
import { AuthExpired, Permanent } from '../provider-errors.ts';
import { blueskyServiceUrl, xrpcProcedure } from './client.ts';
import { blueskyIdentity } from './identity.ts';
import { blueskyCredentialsSchema } from './manifest.ts';
import { assertActive, pdsEndpoint, sessionSchema, tokensFromSession } from './session.ts';

function readCredentials(
  context: NetworkContext,
  credentials: Record<string, unknown>,
): { identifier: string; password: string; service: string } {
  const parsed = blueskyCredentialsSchema.safeParse(credentials);
  if (!parsed.success)
    throw new Permanent(parsed.error.issues[0]?.message ?? 'Enter your Bluesky handle and an app password.');
  const service = (parsed.data.service ?? blueskyServiceUrl(context, {})).replace(/\/+$/, '');
  return { identifier: parsed.data.identifier.replace(/^@/, ''), password: parsed.data.password, service };
}

async function createSession(
  context: NetworkContext,
  input: { identifier: string; password: string; service: string },
) {
  try {
    return await xrpcProcedure(context, {
      base: input.service,
      nsid: 'com.atproto.server.createSession',
      json: { identifier: input.identifier, password: input.password },
      schema: sessionSchema,
      what: 'sign in',
    });
  } catch (error) {
    // At sign-in a rejected password is the user's typo, not an expired session.
    if (error instanceof AuthExpired) {
      throw new Permanent('Bluesky did not accept this handle and app password. Check both and try again.', {
        vendorCode: 'AuthenticationRequired',
        cause: error,
      });
    }
    throw error;
  }
}

/** Sign-in with an app password and session renewal. */
export const blueskyCredentials: CredentialOperations = {
  async connect(context, credentials) {
    const input = readCredentials(context, credentials);
    const session = await createSession(context, input);
    assertActive(session);
    const base = pdsEndpoint(session.didDoc) ?? input.service;
    const identity = await blueskyIdentity(context, {
      base,
      did: session.did,
      handle: session.handle,
      service: input.service,
    });
    return { tokens: tokensFromSession(session), identity };
  },

  async refresh(context, tokens, metadata): Promise<TokenSet> {
    if (tokens.refreshToken === undefined)
      throw new AuthExpired('The Bluesky session has no refresh token; reconnect the account.');
    const session = await xrpcProcedure(context, {
      base: blueskyServiceUrl(context, metadata),
      nsid: 'com.atproto.server.refreshSession',
      token: tokens.refreshToken,
      schema: sessionSchema,
      what: 'renew the session',
    });
    const renewed = tokensFromSession(session);
    return { ...renewed, refreshToken: renewed.refreshToken ?? tokens.refreshToken };
  },
};
