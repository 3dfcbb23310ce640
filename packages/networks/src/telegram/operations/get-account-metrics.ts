/**
 * The chat's audience with getChatMemberCount: a channel's subscribers or a group's members (the bot
 * and admins included), stored as followers. The Bot API gives bots no view or reaction counts of
 * channel posts, so Telegram has no post metrics and no backfill.
 * Docs: core.telegram.org/bots/api#getchatmembercount
 */
import { z } from 'zod';
import type { AccountMetricValues } from '@plume/contract/analytics/metrics';
import type { AccountAuth, NetworkContext } from '../../contract.ts';
import { telegramMethod } from '../client.ts';

export async function getTelegramAccountMetrics(
  context: NetworkContext,
  account: AccountAuth,
): Promise<AccountMetricValues> {
  const count = await telegramMethod(context, {
    token: account.tokens.accessToken,
    method: 'getChatMemberCount',
    payload: { chat_id: account.metadata['chatId'] ?? account.externalId },
    schema: z.number().int().nonnegative(),
    what: 'read the subscriber count',
    write: false,
  });
  return { followers: count };
}
