/**
 * A fake Bluesky PDS speaking XRPC for adapter tests. Follows:
 * - atproto.com/specs/xrpc (paths `/xrpc/<nsid>`, error bodies `{error, message}`)
 * - docs.bsky.app/docs/api/com-atproto-server-create-session, -refresh-session, -get-session
 * - docs.bsky.app/docs/api/com-atproto-repo-upload-blob, -create-record, -get-record, -delete-record
 * - docs.bsky.app/docs/api/com-atproto-identity-resolve-handle
 * - the AppView queries getPosts, getProfile, getAuthorFeed (bluesky-appview-routes.ts)
 * - docs.bsky.app/docs/advanced-guides/rate-limits (`ratelimit-*` headers, 429 RateLimitExceeded)
 * - lexicon app.bsky.feed.post (text ≤ 300 graphemes and ≤ 3000 bytes)
 * Expired access tokens answer 400 ExpiredToken like the real PDS; refresh rotates both tokens and
 * revokes the old refresh token. It also serves a web page with Open Graph tags for link cards.
 * For real lexicon validation use the PDS peer (peers/bluesky-pds.ts).
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  startFakeNetworkServer,
  type FakeNetworkServer,
  type FakeRequest,
  type FakeResponse,
} from './fake-network-server.ts';
import { blueskyAppViewRoutes, type FakeBlueskyAppViewState } from './bluesky-appview-routes.ts';
import { blueskyInboxRoutes, type FakeBlueskyInboxState } from './bluesky-inbox-routes.ts';

export interface FakeBlueskyAccount {
  did: string;
  handle: string;
  password: string;
  displayName?: string;
}

export interface FakeBlueskyRecord {
  uri: string;
  cid: string;
  collection: string;
  rkey: string;
  value: Record<string, unknown>;
}

export interface FakeBlueskyState {
  accounts: FakeBlueskyAccount[];
  /** access JWT → DID */
  accessTokens: Map<string, string>;
  /** refresh JWT → DID (revoked ones are removed) */
  refreshTokens: Map<string, string>;
  /** Access tokens that now answer ExpiredToken. */
  expiredTokens: Set<string>;
  blobs: Map<string, { bytes: Buffer; mimeType: string }>;
  records: Map<string, FakeBlueskyRecord>;
  /** The web page served at /page (for link cards). */
  page: { html: string; image: Buffer };
  /** What the AppView answers for counts, profiles and reposts (bluesky-appview-routes.ts). */
  appView: FakeBlueskyAppViewState;
  /** Notifications and other accounts' posts (bluesky-inbox-routes.ts). */
  inbox: FakeBlueskyInboxState;
}

export interface BlueskyFake {
  server: FakeNetworkServer;
  state: FakeBlueskyState;
  url: string;
  /** Posts (`app.bsky.feed.post`) in creation order. */
  posts(): FakeBlueskyRecord[];
  close(): Promise<void>;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const RATE_HEADERS = { 'ratelimit-limit': '5000', 'ratelimit-remaining': '4997', 'ratelimit-policy': '5000;w=3600' };

function xrpcError(status: number, error: string, message: string, headers?: Record<string, string>): FakeResponse {
  return { status, body: { error, message }, ...(headers === undefined ? {} : { headers }) };
}

function fakeJwt(kind: 'access' | 'refresh', did: string, lifetimeSec: number): string {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    scope: `com.atproto.${kind}`,
    sub: did,
    iat: now,
    exp: now + lifetimeSec,
    jti: randomBytes(8).toString('hex'),
  };
  return `${part({ typ: kind === 'access' ? 'at+jwt' : 'refresh+jwt', alg: 'HS256' })}.${part(claims)}.${randomBytes(16).toString('base64url')}`;
}

function cidOf(bytes: Buffer | string): string {
  return `bafyrei${createHash('sha256').update(bytes).digest('hex').slice(0, 46)}`;
}

let tidCounter = 0;
function nextTid(): string {
  tidCounter += 1;
  return `3l${Date.now().toString(36)}${tidCounter.toString(36).padStart(3, '0')}`.slice(0, 13).padEnd(13, '2');
}

/** Starts the fake with one account, `alice.test` / `app-pass-1234`. */
export async function startBlueskyFake(): Promise<BlueskyFake> {
  const state: FakeBlueskyState = {
    accounts: [{ did: 'did:plc:alice123', handle: 'alice.test', password: 'app-pass-1234', displayName: 'Alice' }],
    accessTokens: new Map(),
    refreshTokens: new Map(),
    expiredTokens: new Set(),
    blobs: new Map(),
    records: new Map(),
    page: { html: '', image: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex') },
    appView: { counts: new Map(), profiles: new Map(), reposts: [], authors: [] },
    inbox: { others: new Map(), notifications: [] },
  };
  let baseUrl = '';

  const session = (account: FakeBlueskyAccount): Record<string, unknown> => {
    const accessJwt = fakeJwt('access', account.did, 2 * 60 * 60);
    const refreshJwt = fakeJwt('refresh', account.did, 90 * 24 * 60 * 60);
    state.accessTokens.set(accessJwt, account.did);
    state.refreshTokens.set(refreshJwt, account.did);
    const didDoc = {
      id: account.did,
      service: [{ id: '#atproto_pds', type: 'AtprotoPersonalDataServer', serviceEndpoint: baseUrl }],
    };
    return { accessJwt, refreshJwt, handle: account.handle, did: account.did, didDoc, active: true };
  };

  /** The DID an access token acts as, or the error the PDS answers. */
  const authorize = (request: FakeRequest): { did: string } | FakeResponse => {
    if (request.bearer === undefined) return xrpcError(401, 'AuthenticationRequired', 'Authentication Required');
    if (state.expiredTokens.has(request.bearer)) return xrpcError(400, 'ExpiredToken', 'Token has expired');
    const did = state.accessTokens.get(request.bearer);
    return did === undefined ? xrpcError(401, 'InvalidToken', 'Token could not be verified') : { did };
  };
  const accountOf = (did: string): FakeBlueskyAccount | undefined =>
    state.accounts.find((account) => account.did === did);

  const server = await startFakeNetworkServer([
    {
      method: 'POST',
      path: '/xrpc/com.atproto.server.createSession',
      handler: (request) => {
        const body = (request.body ?? {}) as { identifier?: string; password?: string };
        const account = state.accounts.find(
          (entry) => entry.handle === body.identifier || entry.did === body.identifier,
        );
        if (account === undefined || account.password !== body.password)
          return xrpcError(401, 'AuthenticationRequired', 'Invalid identifier or password');
        return { body: session(account) };
      },
    },
    {
      method: 'POST',
      path: '/xrpc/com.atproto.server.refreshSession',
      handler: (request) => {
        const did = request.bearer === undefined ? undefined : state.refreshTokens.get(request.bearer);
        if (did === undefined) return xrpcError(400, 'ExpiredToken', 'Token has been revoked');
        state.refreshTokens.delete(request.bearer ?? '');
        const account = accountOf(did);
        return account === undefined ? xrpcError(400, 'InvalidToken', 'Unknown account') : { body: session(account) };
      },
    },
    {
      method: 'GET',
      path: '/xrpc/com.atproto.server.getSession',
      handler: (request) => {
        const auth = authorize(request);
        if (!('did' in auth)) return auth;
        const account = accountOf(auth.did);
        return { body: { did: auth.did, handle: account?.handle ?? 'unknown.test', active: true } };
      },
    },
    {
      method: 'GET',
      path: '/xrpc/com.atproto.identity.resolveHandle',
      handler: (request) => {
        const account = state.accounts.find((entry) => entry.handle === request.query.get('handle'));
        return account === undefined
          ? xrpcError(400, 'InvalidRequest', 'Unable to resolve handle')
          : { body: { did: account.did } };
      },
    },
    {
      method: 'POST',
      path: '/xrpc/com.atproto.repo.uploadBlob',
      handler: (request) => {
        const auth = authorize(request);
        if (!('did' in auth)) return auth;
        const mimeType = request.headers['content-type'] ?? 'application/octet-stream';
        const cid = cidOf(request.rawBody);
        state.blobs.set(cid, { bytes: request.rawBody, mimeType });
        return {
          headers: RATE_HEADERS,
          body: { blob: { $type: 'blob', ref: { $link: cid }, mimeType, size: request.rawBody.length } },
        };
      },
    },
    {
      method: 'POST',
      path: '/xrpc/com.atproto.repo.createRecord',
      handler: (request) => {
        const auth = authorize(request);
        if (!('did' in auth)) return auth;
        const body = (request.body ?? {}) as { repo?: string; collection?: string; record?: Record<string, unknown> };
        if (body.repo !== auth.did)
          return xrpcError(401, 'AuthenticationRequired', 'Input/repo must be the signed-in account');
        const problem = body.collection === 'app.bsky.feed.post' ? checkPost(body.record ?? {}, state) : undefined;
        if (problem !== undefined)
          return xrpcError(400, 'InvalidRequest', `Invalid app.bsky.feed.post record: ${problem}`);
        const rkey = nextTid();
        const uri = `at://${auth.did}/${body.collection ?? ''}/${rkey}`;
        const cid = cidOf(JSON.stringify(body.record));
        state.records.set(uri, { uri, cid, collection: body.collection ?? '', rkey, value: body.record ?? {} });
        return {
          headers: RATE_HEADERS,
          body: { uri, cid, commit: { cid: cidOf(uri), rev: rkey }, validationStatus: 'valid' },
        };
      },
    },
    {
      method: 'GET',
      path: '/xrpc/com.atproto.repo.getRecord',
      handler: (request) => {
        const { repo, collection, rkey } = Object.fromEntries(request.query) as Record<string, string>;
        if (collection === 'app.bsky.actor.profile' && rkey === 'self') {
          const account = accountOf(repo ?? '');
          if (account?.displayName === undefined)
            return xrpcError(400, 'RecordNotFound', `Could not locate record: at://${repo}/${collection}/${rkey}`);
          return {
            body: {
              uri: `at://${repo}/${collection}/self`,
              cid: cidOf(account.did),
              value: { $type: collection, displayName: account.displayName },
            },
          };
        }
        const record = state.records.get(`at://${repo}/${collection}/${rkey}`);
        if (record === undefined)
          return xrpcError(400, 'RecordNotFound', `Could not locate record: at://${repo}/${collection}/${rkey}`);
        return { body: { uri: record.uri, cid: record.cid, value: record.value } };
      },
    },
    {
      method: 'POST',
      path: '/xrpc/com.atproto.repo.deleteRecord',
      handler: (request) => {
        const auth = authorize(request);
        if (!('did' in auth)) return auth;
        const body = (request.body ?? {}) as { repo?: string; collection?: string; rkey?: string };
        // The PDS answers 200 whether or not the record exists.
        state.records.delete(`at://${body.repo}/${body.collection}/${body.rkey}`);
        return { headers: RATE_HEADERS, body: { commit: { cid: cidOf(`${body.rkey}`), rev: nextTid() } } };
      },
    },
    ...blueskyAppViewRoutes({
      state: state.appView,
      posts: () => [
        ...[...state.records.values()].filter((record) => record.collection === 'app.bsky.feed.post'),
        ...[...state.inbox.others.values()].map((post) => ({ uri: post.uri, cid: post.cid, value: post.record })),
      ],
      authorize,
      handleOf: (did) =>
        accountOf(did)?.handle ??
        [...state.inbox.others.values()].find((post) => post.authorDid === did)?.authorHandle ??
        'handle.invalid',
    }),
    ...blueskyInboxRoutes({ state: state.inbox, authorize, records: state.records }),
    {
      method: 'GET',
      path: '/page',
      handler: () => ({ headers: { 'content-type': 'text/html; charset=utf-8' }, body: state.page.html }),
    },
    {
      method: 'GET',
      path: '/page-image.png',
      handler: () => ({ headers: { 'content-type': 'image/png' }, body: state.page.image }),
    },
  ]);
  baseUrl = server.url;
  state.page.html = `<html><head><title>Fallback title</title>
<meta property="og:title" content="Plume &amp; friends">
<meta content="Schedule posts everywhere" property="og:description">
<meta property="og:image" content="/page-image.png"></head><body>hi</body></html>`;

  return {
    server,
    state,
    url: server.url,
    posts: () => [...state.records.values()].filter((record) => record.collection === 'app.bsky.feed.post'),
    close: () => server.close(),
  };
}

/** The lexicon checks the real PDS makes on a post that the adapter could get wrong. */
function checkPost(record: Record<string, unknown>, state: FakeBlueskyState): string | undefined {
  const text = record['text'];
  if (typeof text !== 'string') return 'Record/text must be a string';
  if ([...graphemes.segment(text)].length > 300) return 'Record/text must not be longer than 300 graphemes';
  if (Buffer.byteLength(text) > 3000) return 'Record/text must not be longer than 3000 characters';
  if (typeof record['createdAt'] !== 'string') return 'Record must have the property "createdAt"';
  const embed = record['embed'] as { images?: { image?: { ref?: { $link?: string } }; alt?: unknown }[] } | undefined;
  for (const image of embed?.images ?? []) {
    if (typeof image.alt !== 'string') return 'Record/embed/images/0 must have the property "alt"';
    if (!state.blobs.has(image.image?.ref?.$link ?? '')) return 'Could not find blob';
  }
  return undefined;
}
