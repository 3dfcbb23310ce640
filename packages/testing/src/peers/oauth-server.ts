/**
 * A real OAuth 2.0 authorization server on loopback (oidc-provider 9), the stand-in for a network's
 * authorization server in "connect account" tests: authorization code + PKCE S256 (required),
 * refresh tokens for every authorization, refresh token rotation with reuse detection (a rotated
 * refresh token used again fails with invalid_grant and revokes the whole grant), short access tokens.
 *
 * Access tokens are opaque: a fake network API asks this server whether a token is live through the
 * introspection endpoint (RFC 7662), as a real resource server would, with `isActiveAccessToken`.
 * Docs followed: https://github.com/panva/node-oidc-provider/blob/main/docs/README.md
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import type { Account, Configuration, KoaContext } from 'oidc-provider';
import { createHttpClient } from '@plume/http/http-client';
import type { HttpClient } from '@plume/http/http-client';
import { createMapAdapter } from './oidc-memory-adapter.ts';

/** Scopes accepted unless `scopes` is given: the ones Plume's networks ask for. */
export const DEFAULT_NETWORK_SCOPES: readonly string[] = [
  'openid',
  'offline_access',
  'profile',
  'email',
  'tweet.read',
  'tweet.write',
  'users.read',
  'offline.access',
  'media.write',
  'w_member_social',
  'r_basicprofile',
  'identity',
  'submit',
  'read',
  'write',
  'write:statuses',
  'write:media',
  'user.info.basic',
  'video.publish',
  'video.upload',
  'video.list',
  'user.info.stats',
  'pins:read',
  'pins:write',
  'boards:read',
  'https://www.googleapis.com/auth/youtube.upload',
  'https://www.googleapis.com/auth/business.manage',
];

/** How the client authenticates at the token endpoint (RFC 6749 §2.3.1). */
export type TokenEndpointAuthMethod = 'client_secret_basic' | 'client_secret_post';

export interface OAuthServerOptions {
  clientId?: string;
  clientSecret?: string;
  redirectUris?: readonly string[];
  /** Default `client_secret_post` (credentials in the form body). Enforced: the other method gets 401 invalid_client. */
  tokenEndpointAuthMethod?: TokenEndpointAuthMethod;
  /** Scopes the server grants; others in a request are silently dropped (oidc-provider's rule). */
  scopes?: readonly string[];
  /** Default 3600. Tokens count as expired once `floor(now) >= floor(issued) + ttl`. */
  accessTokenTtlSeconds?: number;
  /** Default 14 days. Each rotated refresh token gets the full lifetime again. */
  refreshTokenTtlSeconds?: number;
  /** Default true: every refresh returns a new refresh token and retires the old one. */
  rotateRefreshTokens?: boolean;
  /** The account every login maps to when the login name is this id (default `test-user`). */
  user?: { id: string; name: string };
}

/** What introspection (RFC 7662) says about a token. */
export interface Introspection {
  active: boolean;
  scope?: string;
  sub?: string;
  client_id?: string;
  exp?: number;
  token_type?: string;
}

/** A running authorization server; every URL is on 127.0.0.1. */
export interface OAuthServer {
  issuer: string;
  authorizeUrl: string;
  tokenUrl: string;
  userinfoUrl: string;
  introspectionUrl: string;
  revocationUrl: string;
  client: {
    clientId: string;
    clientSecret: string;
    redirectUris: readonly string[];
    tokenEndpointAuthMethod: TokenEndpointAuthMethod;
    /** The matching `clientAuth` of `@plume/networks/shared/oauth2` TokenRequestOptions. */
    clientAuth: 'basic' | 'body';
  };
  user: { id: string; name: string };
  scopes: readonly string[];
  /** Asks the introspection endpoint about a token, as a resource server does. */
  introspect(token: string): Promise<Introspection>;
  /** True while `token` is an access token this server issued that is neither expired nor revoked. */
  isActiveAccessToken(token: string): Promise<boolean>;
  /** Revokes a token at the revocation endpoint (RFC 7009); a refresh token takes its whole grant along. */
  revoke(token: string, hint?: 'access_token' | 'refresh_token'): Promise<void>;
  /**
   * Whether code exchanges from now on include a refresh token (default true). Some networks omit
   * it on a re-authorization; refreshes still rotate either way.
   */
  setIssueRefreshTokens(issue: boolean): void;
  close(): Promise<void>;
}

/** The confidential client a resource server (a fake network API) introspects tokens with. */
const RESOURCE_SERVER = { clientId: 'resource-server', clientSecret: randomBytes(16).toString('hex') };

/**
 * Starts oidc-provider on a free loopback port.
 * @example
 * const server = await startOAuthServer({ redirectUris: ['https://plume.test/cb'], accessTokenTtlSeconds: 2 });
 */
export async function startOAuthServer(options: OAuthServerOptions = {}): Promise<OAuthServer> {
  const client = {
    clientId: options.clientId ?? 'plume-test-client',
    clientSecret: options.clientSecret ?? randomBytes(24).toString('base64url'),
    redirectUris: options.redirectUris ?? ['https://plume.test/api/v1/accounts/oauth/callback'],
    tokenEndpointAuthMethod: options.tokenEndpointAuthMethod ?? 'client_secret_post',
  };
  const user = options.user ?? { id: 'test-user', name: 'Test User' };
  const scopes = options.scopes ?? DEFAULT_NETWORK_SCOPES;
  const refreshPolicy = { issue: true };

  // Listen first (port 0: no race for a port), then build the provider once the issuer is known.
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.writeHead(503).end();
  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider = new Provider(issuer, providerConfiguration(options, client, user, scopes, refreshPolicy));
  provider.use(enforceClientAuthMethod(client.tokenEndpointAuthMethod));
  handle = provider.callback();

  const http = createHttpClient({ allowPrivateHosts: ['127.0.0.1'], retries: 0, timeoutMs: 5000 });
  const urls = {
    issuer,
    authorizeUrl: `${issuer}/auth`,
    tokenUrl: `${issuer}/token`,
    userinfoUrl: `${issuer}/me`,
    introspectionUrl: `${issuer}/token/introspection`,
    revocationUrl: `${issuer}/token/revocation`,
  };
  const introspect = (token: string): Promise<Introspection> => introspectToken(http, urls.introspectionUrl, token);

  return {
    ...urls,
    client: { ...client, clientAuth: client.tokenEndpointAuthMethod === 'client_secret_basic' ? 'basic' : 'body' },
    user,
    scopes,
    introspect,
    isActiveAccessToken: async (token) => {
      const answer = await introspect(token);
      // Refresh tokens introspect as active too; only access tokens carry a token_type.
      return answer.active && answer.token_type === 'Bearer';
    },
    revoke: async (token, hint) => {
      const form = new URLSearchParams({ token, client_id: client.clientId, client_secret: client.clientSecret });
      if (hint !== undefined) form.set('token_type_hint', hint);
      const headers = new Headers({ 'content-type': 'application/x-www-form-urlencoded' });
      if (client.tokenEndpointAuthMethod === 'client_secret_basic') {
        form.delete('client_id');
        form.delete('client_secret');
        headers.set('authorization', basicAuth(client.clientId, client.clientSecret));
      }
      const response = await http.request(urls.revocationUrl, { method: 'POST', headers, body: form.toString() });
      const text = await response.text();
      if (!response.ok) throw new Error(`Revocation failed (${response.status}): ${text}`);
    },
    setIssueRefreshTokens: (issue) => {
      refreshPolicy.issue = issue;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function providerConfiguration(
  options: OAuthServerOptions,
  client: {
    clientId: string;
    clientSecret: string;
    redirectUris: readonly string[];
    tokenEndpointAuthMethod: TokenEndpointAuthMethod;
  },
  user: { id: string; name: string },
  scopes: readonly string[],
  refreshPolicy: { issue: boolean },
): Configuration {
  const accessTokenTtl = options.accessTokenTtlSeconds ?? 3600;
  const refreshTokenTtl = options.refreshTokenTtlSeconds ?? 14 * 24 * 3600;
  const findAccount = (_ctx: unknown, id: string): Account => ({
    accountId: id,
    claims: () => ({ sub: id, name: id === user.id ? user.name : id, preferred_username: id }),
  });
  return {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: [...client.redirectUris],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: client.tokenEndpointAuthMethod,
        id_token_signed_response_alg: 'ES256',
      },
      {
        client_id: RESOURCE_SERVER.clientId,
        client_secret: RESOURCE_SERVER.clientSecret,
        redirect_uris: [],
        grant_types: [],
        response_types: [],
        token_endpoint_auth_method: 'client_secret_basic',
        id_token_signed_response_alg: 'ES256',
      },
    ],
    adapter: createMapAdapter(),
    findAccount,
    // A plain page: completeAuthorization quotes its text when it throws.
    renderError: (ctx, out) => {
      ctx.type = 'text/plain';
      ctx.body = Object.entries(out)
        .map(([key, value]) => `${key}: ${value}`)
        .join('\n');
    },
    scopes: [...scopes],
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'] },
    // Our own keys and cookie secrets, so oidc-provider does not use (and warn about) its dev ones.
    jwks: {
      keys: [
        { ...generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ format: 'jwk' }), use: 'sig' },
      ],
    },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    pkce: { required: () => true },
    // Every authorization gets a refresh token, without the OIDC `offline_access` + consent dance.
    issueRefreshToken: (_ctx, registered) => refreshPolicy.issue && registered.grantTypeAllowed('refresh_token'),
    rotateRefreshToken: options.rotateRefreshTokens ?? true,
    // Tokens outlive the browser session that created them, as a network's tokens do.
    expiresWithSession: () => false,
    clientBasedCORS: () => false,
    ttl: {
      AccessToken: accessTokenTtl,
      AuthorizationCode: 60,
      IdToken: 3600,
      RefreshToken: refreshTokenTtl,
      Grant: Math.max(refreshTokenTtl, 3600),
      Interaction: 600,
      Session: 3600,
    },
    features: {
      devInteractions: { enabled: true },
      introspection: { enabled: true, allowedPolicy: () => true },
      revocation: { enabled: true, allowedPolicy: () => true },
      userinfo: { enabled: true },
    },
  };
}

/**
 * oidc-provider 9 accepts client_secret_basic and client_secret_post interchangeably; networks do not
 * (Reddit wants Basic only, others the form), so the app's token and revocation calls must use the
 * registered method or get 401 invalid_client, as RFC 6749 §5.2 says.
 */
function enforceClientAuthMethod(
  method: TokenEndpointAuthMethod,
): (ctx: KoaContext, next: () => Promise<void>) => Promise<void> {
  return async (ctx, next) => {
    if (ctx.method === 'POST' && (ctx.path === '/token' || ctx.path === '/token/revocation')) {
      const usesBasic = /^basic /i.test(ctx.get('authorization'));
      if (usesBasic !== (method === 'client_secret_basic')) {
        ctx.status = 401;
        if (method === 'client_secret_basic') ctx.set('www-authenticate', 'Basic realm="token"');
        ctx.body = { error: 'invalid_client', error_description: `client authentication must use ${method}` };
        return;
      }
    }
    await next();
  };
}

async function introspectToken(http: HttpClient, url: string, token: string): Promise<Introspection> {
  const response = await http.request(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      accept: 'application/json',
      authorization: basicAuth(RESOURCE_SERVER.clientId, RESOURCE_SERVER.clientSecret),
    },
    body: new URLSearchParams({ token, token_type_hint: 'access_token' }).toString(),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`Introspection failed (${response.status}): ${text}`);
  return JSON.parse(text) as Introspection;
}

/** RFC 6749 §2.3.1: each part form-urlencoded, then `id:secret` in base64. */
function basicAuth(id: string, secret: string): string {
  const encode = (value: string): string => new URLSearchParams({ v: value }).toString().slice(2);
  return `Basic ${Buffer.from(`${encode(id)}:${encode(secret)}`).toString('base64')}`;
}
