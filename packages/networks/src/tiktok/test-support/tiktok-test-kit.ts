/** Shared pieces of the TikTok adapter tests: media, requests and a connected account on the fake. */
import type { TikTokFake } from '@plume/testing/fakes/tiktok/tiktok-fake';
import type { AccountAuth, PublishMedia, PublishRequest } from '../../contract.ts';
import { createTikTokProvider } from '../provider.ts';

/** A provider that polls every few milliseconds and gives up quickly. */
export const fastTikTok = createTikTokProvider({
  poll: { intervalMs: 5, maxWaitMs: 300 },
  chunks: { singleChunkMaxBytes: 64_000_000, chunkBytes: 10 * 1024 * 1024, maxChunks: 1000 },
});

/** An in-memory media item; `publicUrl` sits on the fake's verified domain. */
export function media(kind: PublishMedia['kind'], bytes: Uint8Array, extra: Partial<PublishMedia> = {}): PublishMedia {
  const mimeType = kind === 'video' ? 'video/mp4' : 'image/jpeg';
  const id = `m-${Math.random().toString(36).slice(2)}`;
  return {
    id,
    kind,
    mimeType,
    bytes: bytes.byteLength,
    aiGenerated: false,
    fileName: `${id}.${kind === 'video' ? 'mp4' : 'jpg'}`,
    publicUrl: `https://media.plume.test/${id}`,
    read: async () => bytes,
    ...extra,
  };
}

/** A one-part request with Direct Post settings that pass validation. */
export function request(
  text: string,
  items: PublishMedia[],
  settings: Record<string, unknown> = {},
  extra: Partial<PublishRequest> = {},
): PublishRequest {
  return {
    parts: [{ text, media: items }],
    settings: { privacy_level: 'PUBLIC_TO_EVERYONE', ...settings },
    idempotencyKey: 'target-1',
    ...extra,
  };
}

/** An account connected with every scope Plume asks for. */
export function connectedAccount(fake: TikTokFake, scopes?: string[]): AccountAuth {
  const tokens = fake.issueTokens(scopes);
  return {
    externalId: fake.state.user.open_id,
    tokens: {
      accessToken: tokens.accessToken,
      refreshToken: tokens.refreshToken,
      ...(scopes === undefined ? {} : { scopes }),
    },
    metadata: { openId: fake.state.user.open_id, username: fake.state.user.username },
  };
}

/** Deterministic bytes of a given length. */
export function bytesOf(length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let index = 0; index < length; index += 1) bytes[index] = index % 251;
  return bytes;
}
