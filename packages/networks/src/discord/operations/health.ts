/**
 * Checks a Discord webhook still works by reading it (Get Webhook with Token). A deleted webhook
 * answers 404 Unknown Webhook → AuthExpired, so the user is asked to reconnect.
 */
import type { AccountAuth, ConnectedIdentity, NetworkContext } from '../../contract.ts';
import { readDiscordWebhook } from '../auth.ts';

/** Returns the webhook as an identity, or throws AuthExpired / RateLimited / … */
export async function checkDiscordHealth(context: NetworkContext, account: AccountAuth): Promise<ConnectedIdentity> {
  return readDiscordWebhook(context, {
    id: account.metadata['webhookId'] ?? account.externalId,
    token: account.tokens.accessToken,
  });
}
