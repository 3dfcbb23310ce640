/**
 * The automation rules' trigger for new inbox items (docs/automation.md): called once per stored page, in
 * the storing transaction, with one event per new incoming item (the `inbox.item_created` webhook data).
 *
 * MERGE POINT: the automation engine exposes `fireAutomationTrigger(tx, { workspaceId, trigger, data })`,
 * which is not on main yet. When it lands, the body below becomes:
 *
 *   for (const data of events) await fireAutomationTrigger(tx, { workspaceId, trigger: 'inbox.item_created', data });
 *
 * Until then it does nothing. This is the only call site.
 */
import type { z } from 'zod';
import type { inboxItemCreatedData } from '@plume/contract/webhooks/webhook-events';
import type { Executor } from './ingest-types.ts';

export async function fireInboxAutomation(
  tx: Executor,
  workspaceId: string,
  events: readonly z.input<typeof inboxItemCreatedData>[],
): Promise<void> {
  void tx;
  void workspaceId;
  void events;
  await Promise.resolve();
}
