/**
 * Hides or deletes a comment on the account's own post through the network's `moderateInbox`, where
 * the manifest allows it, and records it on the item (moderation state) and in the audit log — with
 * `automatic: true` when the inbox's spam rule did it rather than a person. Moderating a comment the
 * network no longer has succeeds (the adapters say so), so trying again after an unknown outcome is safe.
 */
import { eq } from 'drizzle-orm';
import { inboxItems } from '@plume/db/schema/inbox';
import { AppError } from '@plume/errors/app-error';
import type { ModerationAction } from '@plume/networks/inbox-contract';
import { isProviderError } from '@plume/networks/provider-errors';
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts';
import { AccountDisconnected, getAccountAuth, type TokenDeps } from '../../social/account-tokens.ts';
import { translateNetworkError } from '../../social/translate-network-error.ts';
import { itemRef, loadItem, moderationRefusal, type ItemRow, type LoadedItem } from './item-access.ts';

type Command = {
  workspaceId: string;
  itemId: string;
  action: ModerationAction;
  actor: AuditActor;
  /** Set by the spam rule (classification), not a person. */
  automatic?: boolean;
  /** Why, for the audit log (e.g. "classified as spam"). */
  reason?: string;
};

export async function moderateItem(deps: TokenDeps, command: Command): Promise<ItemRow> {
  const loaded = await loadItem(deps.db, command.workspaceId, command.itemId);
  const provider = deps.runtime.provider(loaded.account.network);
  const refusal = moderationRefusal(provider, loaded.item, command.action);
  if (refusal !== null) throw new AppError('invalid_state', { detail: refusal });
  const name = provider.manifest.name;
  try {
    await callModerate(deps, loaded, command.action);
  } catch (error) {
    if (error instanceof AppError) throw error;
    if (error instanceof AccountDisconnected)
      throw new AppError('invalid_state', {
        detail: `The ${name} account is disconnected (${error.message}). Reconnect it on the Accounts page, then try again.`,
      });
    const translated = translateNetworkError(error, name);
    const detail = isProviderError(error)
      ? `${name} did not ${command.action} it. ${translated.detail ?? translated.message}`
      : `We could not tell whether ${name} did it (${translated.detail ?? translated.message}). Try again: it is safe.`;
    throw new AppError(translated.code, {
      detail,
      ...(translated.headers === undefined ? {} : { headers: translated.headers }),
    });
  }
  return recordModeration(deps, loaded, command);
}

async function callModerate(deps: TokenDeps, loaded: LoadedItem, action: ModerationAction): Promise<void> {
  const provider = deps.runtime.provider(loaded.account.network);
  const moderate = provider.moderateInbox;
  if (moderate === undefined) throw new Error('moderateInbox disappeared after the check');
  const context = deps.runtime.context(provider.manifest.id);
  const auth = await getAccountAuth(deps, loaded.account.id);
  const input = { item: itemRef(loaded), action };
  try {
    await moderate(context, auth, input);
  } catch (error) {
    if (!isProviderError(error) || error.kind !== 'auth_expired') throw error;
    const renewed = await getAccountAuth(deps, loaded.account.id, { rejectedToken: auth.tokens.accessToken });
    await moderate(context, renewed, input);
  }
}

async function recordModeration(deps: TokenDeps, loaded: LoadedItem, command: Command): Promise<ItemRow> {
  return deps.db.transaction(async (tx) => {
    const state = command.action === 'hide' ? 'hidden' : 'deleted';
    const [item] = await tx
      .update(inboxItems)
      .set({ moderation: state })
      .where(eq(inboxItems.id, loaded.item.id))
      .returning();
    if (item === undefined) throw AppError.notFound('inbox item');
    await recordAudit(
      tx,
      command.workspaceId,
      command.actor,
      command.action === 'hide' ? 'inbox.item_hidden' : 'inbox.item_deleted',
      'inbox_item',
      item.id,
      {
        conversationId: item.conversationId,
        network: loaded.account.network,
        remoteId: item.remoteId,
        automatic: command.automatic === true,
        ...(command.reason === undefined ? {} : { reason: command.reason }),
      },
    );
    return item;
  });
}
