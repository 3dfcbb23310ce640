/**
 * Shared setup for the Mastodon adapter tests: a fresh fake server, a context (Mastodon needs no
 * configured endpoints: the account's `instanceUrl` is the base), and a connected account.
 */
import type { AccountAuth, NetworkContext, PublishMedia, PublishPart, PublishRequest } from '../../contract.ts';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import { startMastodonFake, type MastodonFake } from '@plume/testing/fakes/mastodon/mastodon-fake';

export interface MastodonTestBed {
  fake: MastodonFake;
  context: NetworkContext;
  account: AccountAuth;
}

export async function startMastodonTestBed(): Promise<MastodonTestBed> {
  const fake = await startMastodonFake();
  const context = createTestNetworkContext({});
  const account: AccountAuth = {
    externalId: fake.state.account.id,
    tokens: { accessToken: fake.issueToken() },
    metadata: { instanceUrl: fake.instanceUrl },
  };
  return { fake, context, account };
}

/** A media item whose bytes are `size` bytes of a repeating pattern. */
export function testMedia(
  overrides: Partial<PublishMedia> & Pick<PublishMedia, 'kind' | 'mimeType'>,
  size = 2048,
): PublishMedia {
  const bytes = new Uint8Array(size).map((_, index) => index % 251);
  return {
    id: `media-${Math.random().toString(36).slice(2)}`,
    bytes: size,
    aiGenerated: false,
    fileName: overrides.kind === 'video' ? 'clip.mp4' : 'picture.png',
    publicUrl: 'https://plume.example/media/picture.png',
    read: async () => bytes,
    ...overrides,
  };
}

/** A publish request with default settings. */
export function mastodonRequest(parts: PublishPart[], extra: Partial<PublishRequest> = {}): PublishRequest {
  const [first, ...rest] = parts;
  if (first === undefined) throw new Error('at least one part');
  return {
    parts: [first, ...rest],
    settings: { visibility: 'public', spoilerText: '', language: '', sensitive: false },
    idempotencyKey: 'target-42',
    ...extra,
  };
}
