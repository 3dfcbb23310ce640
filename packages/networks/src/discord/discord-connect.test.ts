import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDiscordFake, type DiscordFake } from '@plume/testing/fakes/discord';
import { createTestNetworkContext } from '@plume/testing/fakes/test-network-context';
import type { NetworkContext } from '../contract.ts';
import { AuthExpired } from '../provider-errors.ts';
import { parseWebhookUrl } from './client.ts';
import { discordManifest } from './manifest.ts';
import { discordProvider } from './provider.ts';

let fake: DiscordFake;
let context: NetworkContext;

beforeEach(async () => {
  fake = await startDiscordFake();
  context = createTestNetworkContext({ api: fake.api, web: 'https://discord.com', cdn: 'https://cdn.discordapp.com' });
});

afterEach(async () => {
  expect(fake.server.unhandled).toEqual([]);
  await fake.close();
});

const connect = (webhookUrl: string) => {
  if (discordProvider.credentials === undefined) throw new Error('Discord connects with credentials');
  return discordProvider.credentials.connect(context, { webhookUrl });
};

describe('Discord connect', () => {
  it('asks for the webhook URL and has no refresh (webhook tokens do not expire)', () => {
    expect(discordManifest.auth.kind).toBe('credentials');
    if (discordManifest.auth.kind !== 'credentials') return;
    expect(Object.keys(discordManifest.auth.fields.shape)).toEqual(['webhookUrl']);
    expect(discordProvider.credentials?.refresh).toBeUndefined();
  });

  it('parses id and token from the pasted URL and reads the webhook from the configured API base', async () => {
    const { tokens, identity } = await connect(fake.webhookUrl);

    const { id, token } = fake.state.webhook;
    expect(tokens).toEqual({ accessToken: token });
    expect(identity).toEqual({
      externalId: id,
      handle: 'Plume',
      displayName: 'Plume',
      kind: 'channel',
      avatarUrl: `https://cdn.discordapp.com/avatars/${id}/a1b2c3d4.png`,
      profileUrl: 'https://discord.com/channels/111111111111111111/222222222222222222',
      metadata: { webhookId: id, guildId: '111111111111111111', channelId: '222222222222222222' },
    });
    const request = fake.server.requests[0];
    expect(`${request?.method} ${request?.path}`).toBe(`GET /api/v10/webhooks/${id}/${token}`);
  });

  it('accepts the URL forms Discord hands out and refuses anything else in plain words', () => {
    expect(parseWebhookUrl('https://discordapp.com/api/webhooks/42/abc-DEF_1')).toEqual({
      id: '42',
      token: 'abc-DEF_1',
    });
    expect(parseWebhookUrl(' https://canary.discord.com/api/v10/webhooks/42/tok/ ')).toEqual({
      id: '42',
      token: 'tok',
    });
    expect(() => parseWebhookUrl('https://evil.example/api/webhooks/42/tok')).toThrow(/webhook URL/);
    expect(() => parseWebhookUrl('http://discord.com/api/webhooks/42/tok')).toThrow(/webhook URL/);
    expect(() => parseWebhookUrl('not a url')).toThrow(/webhook URL/);
  });

  it('says when Discord does not know the webhook', async () => {
    await expect(connect(`https://discord.com/api/webhooks/999/${fake.state.webhook.token}`)).rejects.toMatchObject({
      kind: 'permanent',
      reason: expect.stringContaining('does not know this webhook'),
    });
    await expect(connect(`https://discord.com/api/webhooks/${fake.state.webhook.id}/wrong`)).rejects.toMatchObject({
      kind: 'permanent',
    });
  });
});

describe('Discord health', () => {
  it('returns the webhook identity while it exists, AuthExpired once it is deleted', async () => {
    const { tokens, identity } = await connect(fake.webhookUrl);
    const account = { externalId: identity.externalId, tokens, metadata: identity.metadata ?? {} };
    expect(await discordProvider.health(context, account)).toEqual(identity);

    fake.state.webhook.id = '1';
    await expect(discordProvider.health(context, account)).rejects.toBeInstanceOf(AuthExpired);
  });
});
