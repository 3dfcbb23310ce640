import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import { startTelegramFake, type TelegramFake } from '@plume/testing/fakes/telegram';
import type { NetworkContext } from '../contract.ts';
import { AuthExpired } from '../provider-errors.ts';
import { normalizeChannel } from './auth.ts';
import { telegramManifest } from './manifest.ts';
import { telegramProvider } from './provider.ts';

let fake: TelegramFake;
let context: NetworkContext;

beforeEach(async () => {
  fake = await startTelegramFake();
  context = createTestNetworkContext({ api: fake.url, web: 'https://t.me' });
});

afterEach(async () => {
  expect(fake.server.unhandled).toEqual([]);
  await fake.close();
});

const connect = (channel: string, botToken = fake.state.bot.token) => {
  if (telegramProvider.credentials === undefined) throw new Error('Telegram connects with credentials');
  return telegramProvider.credentials.connect(context, { botToken, channel });
};

describe('Telegram connect', () => {
  it('asks for a bot token and a channel and has no refresh (bot tokens do not expire)', () => {
    expect(telegramManifest.auth.kind).toBe('credentials');
    if (telegramManifest.auth.kind !== 'credentials') return;
    expect(Object.keys(telegramManifest.auth.fields.shape)).toEqual(['botToken', 'channel']);
    expect(telegramProvider.credentials?.refresh).toBeUndefined();
  });

  it('checks the token (getMe), the channel (getChat) and the bot rights (getChatMember)', async () => {
    const { tokens, identity } = await connect('@plume_news');

    expect(tokens).toEqual({ accessToken: fake.state.bot.token });
    expect(identity).toEqual({
      externalId: '-1001234567890',
      handle: '@plume_news',
      displayName: 'Plume News',
      kind: 'channel',
      profileUrl: 'https://t.me/plume_news',
      metadata: {
        chatId: '-1001234567890',
        chatType: 'channel',
        username: 'plume_news',
        botId: '7000001',
        botUsername: 'plume_test_bot',
      },
    });
    const calls = fake.server.requests.map((request) => [request.path.split('/').pop(), request.body]);
    expect(calls).toEqual([
      ['getMe', {}],
      ['getChat', { chat_id: '@plume_news' }],
      ['getChatMember', { chat_id: -1001234567890, user_id: 7000001 }],
    ]);
    expect(fake.server.requests[0]?.path).toBe(`/bot${fake.state.bot.token}/getMe`);
  });

  it('accepts t.me links, bare names and numeric ids', async () => {
    expect(normalizeChannel('https://t.me/plume_news')).toBe('@plume_news');
    expect(normalizeChannel('plume_news')).toBe('@plume_news');
    expect(normalizeChannel('-1009876543210')).toBe('-1009876543210');
    const { identity } = await connect('-1009876543210');
    expect(identity).toMatchObject({ handle: 'Private Notes', kind: 'channel' });
    expect(identity.profileUrl).toBeUndefined();
  });

  it('connects a group where the bot is a member', async () => {
    const { identity } = await connect('@plume_chat');
    expect(identity).toMatchObject({ kind: 'group', metadata: { chatType: 'supergroup' } });
  });

  it('explains a wrong token, an unknown channel and missing rights in plain words', async () => {
    await expect(connect('@plume_news', '7000001:AAHwrongTokenWrongTokenWrong00000')).rejects.toMatchObject({
      kind: 'permanent',
      reason: expect.stringContaining('bot token'),
    });
    await expect(connect('@nowhere')).rejects.toMatchObject({
      kind: 'permanent',
      reason: expect.stringContaining('cannot find this channel'),
    });
    await expect(connect('@read_only')).rejects.toMatchObject({
      kind: 'permanent',
      reason: expect.stringContaining('Post messages'),
    });
    await expect(connect('@plume_news', 'not a token')).rejects.toMatchObject({
      kind: 'permanent',
      reason: expect.stringContaining('@BotFather'),
    });
  });
});

describe('Telegram health', () => {
  it('returns the channel identity while the bot may post', async () => {
    const { tokens, identity } = await connect('@plume_news');
    const account = { externalId: identity.externalId, tokens, metadata: identity.metadata ?? {} };
    expect(await telegramProvider.health(context, account)).toEqual(identity);
  });

  it('reports a revoked token as AuthExpired and lost rights as Permanent', async () => {
    const { tokens, identity } = await connect('@plume_news');
    const account = { externalId: identity.externalId, tokens, metadata: identity.metadata ?? {} };
    const channel = fake.state.chats[0];
    if (channel !== undefined) channel.bot = { status: 'left' };
    await expect(telegramProvider.health(context, account)).rejects.toMatchObject({ kind: 'permanent' });
    fake.state.bot.token = '7000001:AAHrevokedAndReissued_000000000000';
    await expect(telegramProvider.health(context, account)).rejects.toBeInstanceOf(AuthExpired);
  });
});
