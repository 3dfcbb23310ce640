/**
 * Deletes a published message (deleteMessage) or album (deleteMessages, which skips messages that are
 * already gone). A "message to delete not found" answer counts as done. Bots may only delete their
 * messages for 48 hours, unless they hold the "delete messages" right.
 * Docs: core.telegram.org/bots/api#deletemessage, #deletemessages
 */
import { z } from 'zod';
import type { AccountAuth, NetworkContext } from '../../contract.ts';
import { Permanent, isProviderError } from '../../provider-errors.ts';
import { telegramMethod } from '../client.ts';
import { decodeMessageIds } from '../compose.ts';

/** Deletes the message(s) `remoteId`; deleting ones that no longer exist succeeds. */
export async function deleteFromTelegram(
  context: NetworkContext,
  account: AccountAuth,
  remoteId: string,
): Promise<void> {
  const ids = decodeMessageIds(remoteId);
  if (ids === undefined) throw new Permanent(`"${remoteId}" is not a Telegram message id.`);
  const chatId = account.metadata['chatId'] ?? account.externalId;
  const single = ids.length === 1;
  try {
    await telegramMethod(context, {
      token: account.tokens.accessToken,
      method: single ? 'deleteMessage' : 'deleteMessages',
      payload: single ? { chat_id: chatId, message_id: ids[0] } : { chat_id: chatId, message_ids: ids },
      schema: z.boolean(),
      what: 'delete the message',
      write: true,
    });
  } catch (error) {
    if (
      isProviderError(error) &&
      error.kind === 'permanent' &&
      /message to delete not found/i.test(error.vendorCode ?? '')
    )
      return;
    throw error;
  }
}
