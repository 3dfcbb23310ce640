/**
 * Deletes a message with Delete Webhook Message (`DELETE /webhooks/<id>/<token>/messages/<id>`, with
 * `thread_id` for messages in threads); 204 on success. An Unknown Message (404, code 10008) answer
 * means it is already gone, which counts as done.
 * Docs: discord.com/developers/docs/resources/webhook#delete-webhook-message
 */
import type { AccountAuth, NetworkContext } from '../../contract.ts';
import { Permanent } from '../../provider-errors.ts';
import { send } from '../../shared/network-call.ts';
import { webhookUrl } from '../client.ts';
import { decodeMessageRef } from '../compose.ts';
import { discordFailure, readDiscordError } from '../errors.ts';

const UNKNOWN_MESSAGE = 10008;

/** Deletes the message `remoteId`; deleting one that no longer exists succeeds. */
export async function deleteFromDiscord(
  context: NetworkContext,
  account: AccountAuth,
  remoteId: string,
): Promise<void> {
  const ref = decodeMessageRef(remoteId);
  if (ref === undefined) throw new Permanent(`"${remoteId}" is not a Discord message id.`);
  const url = webhookUrl(
    context,
    { id: account.metadata['webhookId'] ?? account.externalId, token: account.tokens.accessToken },
    `/messages/${ref.messageId}`,
  );
  if (ref.threadId !== undefined) url.searchParams.set('thread_id', ref.threadId);
  const response = await send(context.http, url, { method: 'DELETE', headers: { accept: 'application/json' } });
  if (response.ok) {
    await response.body?.cancel();
    return;
  }
  if (response.status === 404) {
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (readDiscordError(body).code === UNKNOWN_MESSAGE) return;
    throw await discordFailure(new Response(text, { status: 404, headers: response.headers }), 'delete the message');
  }
  throw await discordFailure(response, 'delete the message');
}
