/**
 * Checks a Telegram connection still works: the token is valid (getMe), the chat exists (getChat)
 * and the bot may still post there (getChatMember). A revoked token answers 401 → AuthExpired.
 */
import type { AccountAuth, ConnectedIdentity, NetworkContext } from '../../contract.ts';
import { verifyTelegramChat } from '../auth.ts';

/** Returns the chat as an identity, or throws AuthExpired / Permanent / … */
export async function checkTelegramHealth(context: NetworkContext, account: AccountAuth): Promise<ConnectedIdentity> {
  return verifyTelegramChat(context, account.tokens.accessToken, account.metadata['chatId'] ?? account.externalId);
}
