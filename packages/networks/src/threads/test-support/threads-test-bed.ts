/**
 * Shared setup for the Threads adapter tests: a fresh fake, a context pointed at it, and a
 * connected profile holding a long-lived token.
 */
import type { AccountAuth, NetworkContext, PublishMedia, PublishPart, PublishRequest } from '../../contract.ts';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import { startThreadsFake, type ThreadsFake } from '@plume/testing/fakes/threads/threads-fake';

export interface ThreadsTestBed {
  fake: ThreadsFake;
  context: NetworkContext;
  account: AccountAuth;
}

export async function startThreadsTestBed(): Promise<ThreadsTestBed> {
  const fake = await startThreadsFake();
  const context = createTestNetworkContext(fake.endpoints, { app: fake.app });
  const account: AccountAuth = {
    externalId: fake.state.user.id,
    tokens: { accessToken: fake.issueLongLivedToken(), expiresAt: new Date(Date.now() + 5_000_000_000) },
    metadata: { username: fake.state.user.username },
  };
  return { fake, context, account };
}

/** A media item Threads would fetch from `publicUrl`. */
export function threadsMedia(kind: 'image' | 'video', altText?: string): PublishMedia {
  const name = kind === 'video' ? 'clip.mp4' : 'picture.jpg';
  return {
    id: `media-${Math.random().toString(36).slice(2)}`,
    kind,
    mimeType: kind === 'video' ? 'video/mp4' : 'image/jpeg',
    bytes: 1234,
    aiGenerated: false,
    fileName: name,
    publicUrl: `https://plume.example/media/${Math.random().toString(36).slice(2)}/${name}`,
    ...(altText === undefined ? {} : { altText }),
    read: async () => new Uint8Array(1234),
  };
}

/** A publish request with default settings. */
export function threadsRequest(parts: PublishPart[], extra: Partial<PublishRequest> = {}): PublishRequest {
  const [first, ...rest] = parts;
  if (first === undefined) throw new Error('at least one part');
  return { parts: [first, ...rest], settings: { replyControl: 'everyone' }, idempotencyKey: 'target-7', ...extra };
}
