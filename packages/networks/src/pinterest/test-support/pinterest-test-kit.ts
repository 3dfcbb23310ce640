/** Shared pieces of the Pinterest adapter tests: media, requests and a connected account on the fake. */
import type { PinterestFake } from '@plume/testing/fakes/pinterest/pinterest-fake';
import type { AccountAuth, PublishMedia, PublishRequest } from '../../contract.ts';
import { createPinterestProvider } from '../provider.ts';

/** A provider that checks video processing every few milliseconds. */
export const fastPinterest = createPinterestProvider({ mediaPoll: { intervalMs: 5, maxWaitMs: 300 } });

/** An in-memory media item with an https public URL. */
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
    publicUrl: `https://plume.example/media/${id}`,
    read: async () => bytes,
    ...extra,
  };
}

/** A one-part request pinned to the fake's "Recipes" board. */
export function request(
  text: string,
  items: PublishMedia[],
  settings: Record<string, unknown> = {},
  extra: Partial<PublishRequest> = {},
): PublishRequest {
  return {
    parts: [{ text, media: items }],
    settings: { board_id: '549755885175', ...settings },
    idempotencyKey: 'target-1',
    ...extra,
  };
}

/** An account connected with every scope Plume asks for. */
export function connectedAccount(fake: PinterestFake, scopes?: string[]): AccountAuth {
  const tokens = fake.issueTokens(scopes);
  return {
    externalId: fake.state.user.id,
    tokens: { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken },
    metadata: { username: fake.state.user.username },
  };
}

export const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
