/**
 * The Bluesky adapter against a real PDS (`@atproto/pds` + `@did-plc/server` on loopback): the
 * network's own lexicon validation checks our records, facets and blob refs.
 * Needs better-sqlite3 built for the test Node: `node scripts/build-native.mjs`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBlueskyPds, type BlueskyPds } from '@plume/testing/peers/bluesky-pds';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import type { AccountAuth, NetworkContext, PublishMedia } from '../contract.ts';
import { blueskyProvider } from './provider.ts';

// A 1×1 PNG.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

let pds: BlueskyPds;
let context: NetworkContext;
let account: AccountAuth;

beforeAll(async () => {
  pds = await startBlueskyPds();
  context = createTestNetworkContext({ api: pds.url, web: 'https://bsky.app' }, { timeoutMs: 15_000 });
  const { tokens, identity } = await blueskyProvider.credentials!.connect(context, {
    identifier: pds.account.handle,
    password: pds.account.password,
  });
  account = { externalId: identity.externalId, tokens, metadata: identity.metadata ?? {} };
});

afterAll(async () => {
  await pds?.stop();
});

function image(): PublishMedia {
  return {
    id: 'm1',
    kind: 'image',
    mimeType: 'image/png',
    bytes: PNG.length,
    width: 1,
    height: 1,
    altText: 'One white pixel',
    aiGenerated: false,
    fileName: 'pixel.png',
    publicUrl: 'https://plume.example/pixel.png',
    read: async () => new Uint8Array(PNG),
  };
}

async function getRecord(uri: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const [, , repo, collection, rkey] = uri.split('/');
  const url = new URL(`${pds.url}/xrpc/com.atproto.repo.getRecord`);
  url.search = new URLSearchParams({ repo: repo ?? '', collection: collection ?? '', rkey: rkey ?? '' }).toString();
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('Bluesky adapter against a real PDS', () => {
  it('connects with createSession and keeps the DID and PDS endpoint', () => {
    expect(account.externalId).toBe(pds.account.did);
    expect(account.metadata).toMatchObject({ did: pds.account.did, handle: pds.account.handle, pdsUrl: pds.url });
  });

  it('publishes text + image + link facet, reads it back, deletes it', async () => {
    const text = 'Héllo 👋 from Plume: https://plume.example/docs #plume';
    const result = await blueskyProvider.publish(context, account, {
      parts: [{ text, media: [image()] }],
      settings: { language: 'en' },
      idempotencyKey: 'pds-1',
    });
    expect(result.remoteId).toMatch(new RegExp(`^at://${pds.account.did}/app.bsky.feed.post/`));
    expect(result.url).toBe(`https://bsky.app/profile/${pds.account.handle}/post/${result.remoteId.split('/').pop()}`);

    const { status, body } = await getRecord(result.remoteId);
    expect(status).toBe(200);
    const value = body['value'] as {
      text: string;
      langs: string[];
      facets: { index: { byteStart: number; byteEnd: number }; features: Record<string, unknown>[] }[];
      embed: {
        $type: string;
        images: { alt: string; image: { ref: { $link: string }; mimeType: string; size: number } }[];
      };
    };
    expect(value.text).toBe(text);
    expect(value.langs).toEqual(['en']);
    const bytes = Buffer.from(text, 'utf8');
    const covered = value.facets.map((facet) =>
      bytes.subarray(facet.index.byteStart, facet.index.byteEnd).toString('utf8'),
    );
    expect(covered).toEqual(['https://plume.example/docs', '#plume']);
    expect(value.facets[0]?.features[0]).toEqual({
      $type: 'app.bsky.richtext.facet#link',
      uri: 'https://plume.example/docs',
    });
    expect(value.facets[1]?.features[0]).toEqual({ $type: 'app.bsky.richtext.facet#tag', tag: 'plume' });
    expect(value.embed.$type).toBe('app.bsky.embed.images');
    expect(value.embed.images[0]).toMatchObject({
      alt: 'One white pixel',
      image: { mimeType: 'image/png', size: PNG.length },
    });
    const blob = await fetch(
      `${pds.url}/xrpc/com.atproto.sync.getBlob?did=${pds.account.did}&cid=${value.embed.images[0]?.image.ref.$link}`,
    );
    expect(Buffer.from(await blob.arrayBuffer())).toEqual(PNG);

    await blueskyProvider.delete(context, account, result.remoteId);
    const gone = await getRecord(result.remoteId);
    expect(gone.status).toBe(400);
    expect(gone.body['error']).toBe('RecordNotFound');
    await blueskyProvider.delete(context, account, result.remoteId);
  });

  it('publishes a thread whose replies point at root and parent', async () => {
    const result = await blueskyProvider.publish(context, account, {
      parts: [
        { text: 'Thread 1/2', media: [] },
        { text: 'Thread 2/2 mentions @' + pds.account.handle, media: [] },
      ],
      settings: {},
      idempotencyKey: 'pds-2',
    });
    const reply = (await getRecord(result.extra[0]?.remoteId ?? '')).body['value'] as Record<string, unknown>;
    expect(reply['reply']).toMatchObject({ root: { uri: result.remoteId }, parent: { uri: result.remoteId } });
    expect(reply['facets']).toMatchObject([
      { features: [{ $type: 'app.bsky.richtext.facet#mention', did: pds.account.did }] },
    ]);
  });

  it('gets the PDS lexicon error as Permanent for text over 300 graphemes', async () => {
    const attempt = blueskyProvider.publish(context, account, {
      parts: [{ text: 'é'.repeat(301), media: [] }],
      settings: {},
      idempotencyKey: 'pds-3',
    });
    await expect(attempt).rejects.toMatchObject({ kind: 'permanent', vendorCode: 'InvalidRequest' });
  });

  it('refreshes the session and checks health with the new tokens', async () => {
    const tokens = await blueskyProvider.credentials!.refresh!(context, account.tokens, account.metadata);
    const identity = await blueskyProvider.health(context, { ...account, tokens });
    expect(identity.externalId).toBe(pds.account.did);
    expect(tokens.refreshToken).not.toBe(account.tokens.refreshToken);
    // The real PDS lets a rotated refresh JWT be reused for a 2-hour grace period (the fake revokes at once).
    account = { ...account, tokens };
    await expect(
      blueskyProvider.credentials!.refresh!(context, { accessToken: 'x', refreshToken: 'not-a-jwt' }, account.metadata),
    ).rejects.toMatchObject({
      kind: 'auth_expired',
    });
  });
});
