/**
 * Shared setup for the Bluesky adapter tests: a fresh fake PDS, a context pointed at it, and an
 * account connected through the adapter itself (so its tokens and metadata are what connect saves).
 */
import type { AccountAuth, NetworkContext, PublishMedia, PublishPart, PublishRequest } from '../../contract.ts';
import { startBlueskyFake, type BlueskyFake } from '@plume/testing/fakes/bluesky';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import { blueskyCredentials } from '../auth.ts';

export interface BlueskyTestBed {
  fake: BlueskyFake;
  context: NetworkContext;
  account: AccountAuth;
}

export async function startBlueskyTestBed(): Promise<BlueskyTestBed> {
  const fake = await startBlueskyFake();
  const context = createTestNetworkContext({ api: fake.url, web: 'https://bsky.app' });
  const { tokens, identity } = await blueskyCredentials.connect(context, {
    identifier: 'alice.test',
    password: 'app-pass-1234',
  });
  const account: AccountAuth = { externalId: identity.externalId, tokens, metadata: identity.metadata ?? {} };
  fake.server.reset();
  return { fake, context, account };
}

/** An image whose bytes are `size` bytes of a repeating pattern. */
export function testImage(overrides: Partial<PublishMedia> = {}, size = 2048): PublishMedia {
  const bytes = new Uint8Array(size).map((_, index) => index % 251);
  return {
    id: `media-${Math.random().toString(36).slice(2)}`,
    kind: 'image',
    mimeType: 'image/png',
    bytes: size,
    aiGenerated: false,
    fileName: 'picture.png',
    publicUrl: 'https://plume.example/media/picture.png',
    read: async () => bytes,
    ...overrides,
  };
}

/** A publish request with defaults for everything but the parts. */
export function blueskyRequest(parts: PublishPart[], extra: Partial<PublishRequest> = {}): PublishRequest {
  const [first, ...rest] = parts;
  if (first === undefined) throw new Error('at least one part');
  return { parts: [first, ...rest], settings: {}, idempotencyKey: 'target-1', ...extra };
}
