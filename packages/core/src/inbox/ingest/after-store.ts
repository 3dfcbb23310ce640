/**
 * What follows storing new inbox items, in the storing transaction (so it happens exactly when the items
 * exist): the `inbox.item_created` webhook event per new incoming item, the live-update signal per changed
 * conversation, the classification job of the new incoming items and the automation trigger. Items the
 * account wrote itself (its earlier replies, read back) are stored and shown, but trigger nothing: they
 * are not the audience speaking, and a rule that replies must not be woken by its own reply.
 */
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { inboxItemCreatedData } from '@plume/contract/webhooks/webhook-events';
import { emitWebhookEvent } from '../../webhooks/emit-webhook-event.ts';
import { enqueueClassifyItems } from '../inbox-jobs-contract.ts';
import { notifyInboxChanged } from '../inbox-live.ts';
import { classificationIsOff, fireInboxItemTriggers } from './inbox-automation-hook.ts';
import type { Executor, InboxAccount, StoredInboxItem } from './ingest-types.ts';

export type InboxItemCreated = z.input<typeof inboxItemCreatedData>;

/** The webhook event's text excerpt. */
const EXCERPT_CHARS = 280;

export async function afterStore(
  tx: Executor,
  account: InboxAccount,
  changes: { created: readonly StoredInboxItem[]; changedConversations: readonly string[] },
): Promise<void> {
  await notifyInboxChanged(
    tx,
    changes.changedConversations.map((conversationId) => ({ workspaceId: account.workspaceId, conversationId })),
  );
  const incoming = changes.created.filter((item) => item.direction === 'in');
  if (incoming.length === 0) return;
  const events = incoming.map((item) => eventOf(account, item));
  if (await subscribed(tx, account.workspaceId)) {
    for (const data of events)
      await emitWebhookEvent(tx, { workspaceId: account.workspaceId, type: 'inbox.item_created', data });
  }
  const itemIds = incoming.map((item) => item.id);
  // Rules fire once the items are classified (the classification job fires them), or now when it is off.
  if (await classificationIsOff(tx, account.workspaceId)) await fireInboxItemTriggers(tx, account.workspaceId, itemIds);
  else await enqueueClassifyItems(tx, { workspaceId: account.workspaceId, itemIds });
}

export function eventOf(account: InboxAccount, item: StoredInboxItem): InboxItemCreated {
  return {
    workspaceId: account.workspaceId,
    accountId: account.id,
    network: account.network,
    conversationId: item.conversationId,
    itemId: item.id,
    kind: item.kind,
    authorHandle: item.authorHandle,
    excerpt: item.text.length <= EXCERPT_CHARS ? item.text : `${item.text.slice(0, EXCERPT_CHARS - 1)}…`,
    url: item.url,
    createdAt: item.createdAt.toISOString(),
  };
}

/** One probe per page: most workspaces have no endpoint for inbox items, and then nothing is written. */
async function subscribed(tx: Executor, workspaceId: string): Promise<boolean> {
  const result = await tx.execute<{ found: boolean }>(sql`
    SELECT EXISTS (SELECT 1 FROM webhook_endpoints WHERE workspace_id = ${workspaceId} AND enabled
      AND 'inbox.item_created' = ANY (event_types)) AS found`);
  return result.rows[0]?.found === true;
}
