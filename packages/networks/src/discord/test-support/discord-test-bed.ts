/**
 * Shared setup for the Discord adapter tests: a fresh fake API, a context pointed at it, and the
 * fake's webhook connected through the adapter itself (from the URL a user would paste).
 */
import type { AccountAuth, NetworkContext, PublishMedia, PublishPart, PublishRequest } from '../../contract.ts';
import { startDiscordFake, type DiscordFake } from '@plume/testing/fakes/discord';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import { discordCredentials } from '../auth.ts';

export interface DiscordTestBed {
  fake: DiscordFake;
  context: NetworkContext;
  account: AccountAuth;
}

export async function startDiscordTestBed(): Promise<DiscordTestBed> {
  const fake = await startDiscordFake();
  const context = createTestNetworkContext({
    api: fake.api,
    web: 'https://discord.com',
    cdn: 'https://cdn.discordapp.com',
  });
  const { tokens, identity } = await discordCredentials.connect(context, { webhookUrl: fake.webhookUrl });
  const account: AccountAuth = { externalId: identity.externalId, tokens, metadata: identity.metadata ?? {} };
  fake.server.reset();
  return { fake, context, account };
}

/** A media item whose bytes are `size` bytes of a repeating pattern. */
export function testMedia(overrides: Partial<PublishMedia> = {}, size = 2048): PublishMedia {
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
export function discordRequest(parts: PublishPart[], extra: Partial<PublishRequest> = {}): PublishRequest {
  const [first, ...rest] = parts;
  if (first === undefined) throw new Error('at least one part');
  return { parts: [first, ...rest], settings: {}, idempotencyKey: 'target-1', ...extra };
}
