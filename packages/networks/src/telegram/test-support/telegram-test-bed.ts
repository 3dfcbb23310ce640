/**
 * Shared setup for the Telegram adapter tests: a fresh fake Bot API, a context pointed at it, and the
 * public channel @plume_news connected through the adapter itself.
 */
import type { AccountAuth, NetworkContext, PublishMedia, PublishPart, PublishRequest } from '../../contract.ts';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import { startTelegramFake, type TelegramFake } from '@plume/testing/fakes/telegram';
import { telegramCredentials } from '../auth.ts';

export interface TelegramTestBed {
  fake: TelegramFake;
  context: NetworkContext;
  account: AccountAuth;
}

export const CHANNEL_ID = -1001234567890;

export async function startTelegramTestBed(channel = '@plume_news'): Promise<TelegramTestBed> {
  const fake = await startTelegramFake();
  const context = createTestNetworkContext({ api: fake.url, web: 'https://t.me' });
  const { tokens, identity } = await telegramCredentials.connect(context, { botToken: fake.state.bot.token, channel });
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
export function telegramRequest(parts: PublishPart[], extra: Partial<PublishRequest> = {}): PublishRequest {
  const [first, ...rest] = parts;
  if (first === undefined) throw new Error('at least one part');
  return { parts: [first, ...rest], settings: {}, idempotencyKey: 'target-1', ...extra };
}
