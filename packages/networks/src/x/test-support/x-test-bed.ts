/**
 * Shared setup for the X adapter tests: a fresh fake, a context pointed at it, and a connected
 * account holding tokens the fake issued.
 */
import type { AccountAuth, NetworkContext, PublishMedia, PublishPart, PublishRequest } from '../../contract.ts';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import { startXFake, type XFake } from '@plume/testing/fakes/x/x-fake';

export interface XTestBed {
  fake: XFake;
  context: NetworkContext;
  account: AccountAuth;
}

export async function startXTestBed(): Promise<XTestBed> {
  const fake = await startXFake();
  const context = createTestNetworkContext(fake.endpoints, { app: fake.app });
  const tokens = fake.issueTokens();
  const account: AccountAuth = {
    externalId: fake.state.user.id,
    tokens: { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken },
    metadata: { username: fake.state.user.username },
  };
  return { fake, context, account };
}

/** A media item whose bytes are `size` bytes of a repeating pattern. */
export function testMedia(
  overrides: Partial<PublishMedia> & Pick<PublishMedia, 'kind' | 'mimeType'>,
  size = 1024,
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

/** A publish request with defaults for everything but the parts. */
export function xRequest(parts: PublishPart[], extra: Partial<PublishRequest> = {}): PublishRequest {
  const [first, ...rest] = parts;
  if (first === undefined) throw new Error('at least one part');
  return { parts: [first, ...rest], settings: { replySettings: 'everyone' }, idempotencyKey: 'target-1', ...extra };
}
