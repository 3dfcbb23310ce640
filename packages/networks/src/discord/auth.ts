/**
 * Connecting Discord with a webhook URL: Get Webhook with Token (`GET /webhooks/<id>/<token>`) proves
 * the URL works and tells the webhook's name, server and channel. The token never expires (it only
 * stops working when the webhook is deleted), so there is no refresh.
 * Docs: discord.com/developers/docs/resources/webhook#get-webhook-with-token
 */
import { z } from 'zod';
import type { ConnectedIdentity, CredentialOperations, NetworkContext } from '../contract.ts';
import { AuthExpired, Permanent } from '../provider-errors.ts';
import { discordJson, parseWebhookUrl, webhookUrl, type DiscordWebhook } from './client.ts';
import { discordCredentialsSchema } from './manifest.ts';

const webhookSchema = z.looseObject({
  id: z.string(),
  type: z.number().int(),
  guild_id: z.string().nullish(),
  channel_id: z.string().nullish(),
  name: z.string().nullish(),
  avatar: z.string().nullish(),
});

/** Reads the webhook and returns it as a Plume identity (the channel it posts to). */
export async function readDiscordWebhook(context: NetworkContext, webhook: DiscordWebhook): Promise<ConnectedIdentity> {
  const found = await discordJson(
    context,
    webhookUrl(context, webhook),
    { method: 'GET' },
    { schema: webhookSchema, what: 'read the webhook' },
  );
  const name = found.name ?? 'Discord webhook';
  const cdn = (context.endpoints['cdn'] ?? 'https://cdn.discordapp.com').replace(/\/+$/, '');
  const web = (context.endpoints['web'] ?? 'https://discord.com').replace(/\/+$/, '');
  return {
    externalId: found.id,
    handle: name,
    displayName: name,
    kind: 'channel',
    ...(found.avatar ? { avatarUrl: `${cdn}/avatars/${found.id}/${found.avatar}.png` } : {}),
    ...(found.guild_id && found.channel_id
      ? { profileUrl: `${web}/channels/${found.guild_id}/${found.channel_id}` }
      : {}),
    metadata: {
      webhookId: found.id,
      ...(found.guild_id ? { guildId: found.guild_id } : {}),
      ...(found.channel_id ? { channelId: found.channel_id } : {}),
    },
  };
}

/** Connect with a webhook URL. */
export const discordCredentials: CredentialOperations = {
  async connect(context, credentials) {
    const parsed = discordCredentialsSchema.safeParse(credentials);
    if (!parsed.success) throw new Permanent(parsed.error.issues[0]?.message ?? 'Paste the Discord webhook URL.');
    const webhook = parseWebhookUrl(parsed.data.webhookUrl);
    try {
      const identity = await readDiscordWebhook(context, webhook);
      return { tokens: { accessToken: webhook.token }, identity };
    } catch (error) {
      // At connect time an unknown webhook is a wrong or stale URL, not an expired session.
      if (error instanceof AuthExpired) {
        throw new Permanent(
          'Discord does not know this webhook. Check the URL, or create a new webhook and copy its URL again.',
          { cause: error },
        );
      }
      throw error;
    }
  },
};
