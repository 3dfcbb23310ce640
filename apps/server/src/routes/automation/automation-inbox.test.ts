import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InboxItemReading } from '@plume/networks/inbox-contract';
import { inboxReplyActions } from '@plume/core/automation/reply-actions';
import { fireInboxItemTriggers } from '@plume/core/inbox/ingest/inbox-automation-hook';
import { storeInboxItems } from '@plume/core/inbox/ingest/store-inbox-items';
import { automationEvents, automationRules, automationRuns } from '@plume/db/schema/automation';
import { inboxConversations, inboxItems, inboxReplies } from '@plume/db/schema/inbox';
import { inboxSettings } from '@plume/db/schema/inbox-settings';
import { startAutomationKit, type AutomationKit } from '../../test-support/automation-kit.ts';

let kit: AutomationKit;
beforeAll(async () => {
  kit = await startAutomationKit();
});
afterAll(async () => {
  await kit.t.close();
});

let sequence = 0;
function comment(text: string, overrides: Partial<InboxItemReading> = {}): InboxItemReading {
  sequence += 1;
  return {
    remoteId: `comment-${sequence}`,
    kind: 'comment',
    conversationKey: `thread-${sequence}`,
    parentRemoteId: null,
    postRemoteId: null,
    author: { id: `fan-${sequence}`, handle: `@fan${sequence}@other.example`, displayName: `Fan ${sequence}` },
    text,
    createdAt: new Date(),
    url: null,
    fromAccount: false,
    meta: {},
    ...overrides,
  };
}

const account = () => ({ id: kit.accountId, workspaceId: kit.workspace.id, network: 'mastodon' as const });
const runsOf = (ruleId: string) => kit.t.db.select().from(automationRuns).where(eq(automationRuns.ruleId, ruleId));
const turnOff = (ruleId: string) =>
  kit.t.db.update(automationRules).set({ enabled: false }).where(eq(automationRules.id, ruleId));
const setClassify = (classify: boolean) =>
  kit.t.db
    .insert(inboxSettings)
    .values({ workspaceId: kit.workspace.id, classify })
    .onConflictDoUpdate({ target: inboxSettings.workspaceId, set: { classify } });
const eventCount = async () =>
  (await kit.t.db.select().from(automationEvents).where(eq(automationEvents.workspaceId, kit.workspace.id))).length;

describe('new inbox items fire automation rules', () => {
  it('at storing when classification is off: once per item, never for the account’s own items', async () => {
    await setClassify(false);
    const rule = await kit.createRule({
      name: 'Tag comments',
      trigger: { type: 'inbox.item_created' },
      conditions: [{ field: 'kind', operator: 'equals', value: 'comment' }],
      actions: [{ type: 'tag', tag: 'fan mail' }],
    });
    const item = comment('Love the new bread!');
    await storeInboxItems(kit.t.db, account(), [item]);
    // A webhook bringing the same item again, and our own answer read back: no new run.
    await storeInboxItems(kit.t.db, account(), [item]);
    await storeInboxItems(kit.t.db, account(), [
      comment('Thank you!', { conversationKey: item.conversationKey, fromAccount: true }),
    ]);
    expect(await kit.runJobs(kit.services())).toBe(1);
    const [run] = await runsOf(rule.id);
    expect(run).toMatchObject({ status: 'succeeded', triggerType: 'inbox.item_created' });
    expect(run!.input).toMatchObject({ kind: 'comment', network: 'mastodon', text: 'Love the new bread!' });
    const [conversation] = await kit.t.db
      .select({ tags: inboxConversations.tags })
      .from(inboxConversations)
      .where(eq(inboxConversations.conversationKey, item.conversationKey));
    expect(conversation?.tags).toEqual(['fan mail']);
    await turnOff(rule.id);
  });

  it('after classification when it is on, so a rule can match the intent', async () => {
    await setClassify(true);
    const rule = await kit.createRule({
      name: 'Complaints',
      trigger: { type: 'inbox.item_created' },
      conditions: [{ field: 'intent', operator: 'equals', value: 'complaint' }],
      actions: [{ type: 'tag', tag: 'complaint' }],
    });
    const before = await eventCount();
    await storeInboxItems(kit.t.db, account(), [comment('My order never came')]);
    // Storing queued the classification, not the rule: the intent is not known yet.
    expect(await eventCount()).toBe(before);
    const [created] = await kit.t.db
      .select({ id: inboxItems.id })
      .from(inboxItems)
      .where(eq(inboxItems.text, 'My order never came'));
    // What the classification job stores, then its end: the rule sees the intent.
    await kit.t.db.execute(
      sql`UPDATE inbox_items SET intent = 'complaint', sentiment = 'negative' WHERE id = ${created!.id}`,
    );
    await kit.t.db.transaction((tx) => fireInboxItemTriggers(tx, kit.workspace.id, [created!.id]));
    await kit.t.db.transaction((tx) => fireInboxItemTriggers(tx, kit.workspace.id, [created!.id]));
    expect(await kit.runJobs(kit.services())).toBe(1);
    const [run] = await runsOf(rule.id);
    expect(run).toMatchObject({ status: 'succeeded' });
    expect(run!.input).toMatchObject({ intent: 'complaint', sentiment: 'negative' });
    await turnOff(rule.id);
  });

  it('a rule sends a reply only when the owner turned on disclosed automation, with the disclosure', async () => {
    await setClassify(false);
    const rule = await kit.createRule({
      name: 'Thank fans',
      trigger: { type: 'inbox.item_created' },
      conditions: [{ field: 'text', operator: 'contains', value: 'thanks' }],
      actions: [{ type: 'send_reply', text: 'Thank you, {{authorHandle}}!' }],
    });
    const services = {
      ...kit.services(),
      replies: inboxReplyActions({ db: kit.t.db, runtime: kit.t.context.publishing.runtime }),
    };
    await storeInboxItems(kit.t.db, account(), [comment('thanks for the croissants')]);
    await kit.runJobs(services);
    const [refused] = await runsOf(rule.id);
    expect(refused).toMatchObject({ status: 'failed' });
    expect(refused!.results[0]?.error).toMatch(/owner has not turned on disclosed automated replies/);

    await kit.t.db
      .update(inboxSettings)
      .set({ disclosedAutomation: true })
      .where(eq(inboxSettings.workspaceId, kit.workspace.id));
    const item = comment('thanks again');
    await storeInboxItems(kit.t.db, account(), [item]);
    await kit.runJobs(services);
    const replies = await kit.t.db.select().from(inboxReplies).where(eq(inboxReplies.ruleId, rule.id));
    expect(replies).toHaveLength(1);
    expect(replies[0]).toMatchObject({ state: 'approved', origin: 'rule' });
    expect(replies[0]!.text.startsWith(`Thank you, ${item.author.handle}!`)).toBe(true);
    expect(replies[0]!.text.endsWith(replies[0]!.disclosure ?? '<none>')).toBe(true);
    await turnOff(rule.id);
  });
});
