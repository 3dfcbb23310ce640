import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendInboxReply } from '@plume/core/inbox/replies/send-reply';
import { sendReplyByRule } from '@plume/core/inbox/replies/send-reply-by-rule';
import { auditEvents } from '@plume/db/schema/audit';
import { inboxItems } from '@plume/db/schema/inbox';
import { inboxSettings } from '@plume/db/schema/inbox-settings';
import { AppError } from '@plume/errors/app-error';
import { rejectionOf } from '@plume/testing/rejection-of';
import {
  ALICE_DID,
  startInboxWorld,
  storeConversation,
  type InboxWorld,
} from '../../test-support/inbox-reply-world.ts';

type Problem = { status: number; code: string; detail: string };
type Item = { id: string; moderation: string; actions: string[] };
type Settings = {
  classify: boolean;
  draftReplies: boolean;
  autoHideSpam: boolean;
  disclosedAutomation: boolean;
  disclosure: string;
};

let world: InboxWorld;

beforeAll(async () => {
  world = await startInboxWorld();
});

afterAll(async () => {
  await world.close();
});

const moderate = (itemId: string, action: 'hide' | 'delete', user = world.owner) =>
  world.t.app.inject({
    method: 'POST',
    url: `${world.base()}/inbox/items/${itemId}/moderate`,
    headers: user.headers,
    payload: { action },
  });

const settings = (method: 'GET' | 'PATCH', user = world.owner, payload?: object) =>
  world.t.app.inject({
    method,
    url: `${world.base()}/inbox/settings`,
    headers: user.headers,
    ...(payload === undefined ? {} : { payload }),
  });

describe('moderation', () => {
  it('hides a reply in our own thread through Bluesky’s thread gate, once, and records it', async () => {
    const conversation = await storeConversation(world, { text: 'Buy followers cheap!!!' });
    const hidden = await moderate(conversation.itemId, 'hide');
    expect(hidden.statusCode, hidden.body).toBe(200);
    expect(hidden.json<Item>()).toMatchObject({ moderation: 'hidden', actions: ['reply'] });
    const gate = world.bluesky.state.records.get(
      `at://${ALICE_DID}/app.bsky.feed.threadgate/${conversation.rootUri.split('/').at(-1)}`,
    );
    expect(gate?.value['hiddenReplies']).toEqual([conversation.remoteId]);
    const again = await moderate(conversation.itemId, 'hide');
    expect(again.statusCode).toBe(409);
    expect(again.json<Problem>().detail).toBe('This comment is hidden already.');
    const [audit] = await world.t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, conversation.itemId), eq(auditEvents.action, 'inbox.item_hidden')));
    expect(audit?.data).toMatchObject({ automatic: false, network: 'bluesky', remoteId: conversation.remoteId });
  });

  it('refuses what the network does not allow, in plain words, and other workspaces’ items', async () => {
    const conversation = await storeConversation(world);
    const deleted = await moderate(conversation.itemId, 'delete');
    expect(deleted.statusCode).toBe(409);
    expect(deleted.json<Problem>().detail).toBe('Bluesky does not let Plume delete comments.');
    const mention = await storeConversation(world, { kind: 'mention' });
    const hideMention = await moderate(mention.itemId, 'hide');
    expect(hideMention.statusCode).toBe(409);
    expect(hideMention.json<Problem>().detail).toContain('Only comments and replies');
    expect((await moderate(conversation.itemId, 'hide', world.outsider)).statusCode).toBe(404);
    expect((await moderate(conversation.itemId, 'hide', world.viewer)).statusCode).toBe(403);
    const [row] = await world.t.db.select().from(inboxItems).where(eq(inboxItems.id, conversation.itemId));
    expect(row?.moderation).toBe('visible');
  });

  it('a network refusal is the network’s reason and leaves the item visible', async () => {
    const conversation = await storeConversation(world);
    world.bluesky.server.failNext({
      status: 400,
      body: { error: 'InvalidSwap', message: 'Record was at a different version' },
      match: (request) => request.path.endsWith('putRecord'),
    });
    const refused = await moderate(conversation.itemId, 'hide');
    expect(refused.statusCode).toBe(422);
    expect(refused.json<Problem>().detail).toMatch(/^Bluesky did not hide it\./);
    const [row] = await world.t.db.select().from(inboxItems).where(eq(inboxItems.id, conversation.itemId));
    expect(row?.moderation).toBe('visible');
  });
});

describe('inbox settings', () => {
  it('starts with drafts on and sending by automation off; only the owner may allow it', async () => {
    const initial = await settings('GET', world.viewer);
    expect(initial.json<Settings>()).toEqual({
      classify: true,
      draftReplies: true,
      autoHideSpam: false,
      disclosedAutomation: false,
      disclosure: '— sent by our automated assistant',
    });
    const byAdmin = await settings('PATCH', world.admin, { disclosedAutomation: true });
    expect(byAdmin.statusCode).toBe(403);
    expect(byAdmin.json<Problem>().detail).toContain('Only the workspace owner');
    const adminSpam = await settings('PATCH', world.admin, { autoHideSpam: true });
    expect(adminSpam.json<Settings>()).toMatchObject({ autoHideSpam: true, disclosedAutomation: false });
    expect((await settings('PATCH', world.viewer, { classify: false })).statusCode).toBe(403);
    const empty = await settings('PATCH', world.owner, { disclosure: '  ' });
    expect(empty.statusCode).toBe(400);
    const owner = await settings('PATCH', world.owner, { disclosedAutomation: true, disclosure: '— Crumb’s bot' });
    expect(owner.json<Settings>()).toMatchObject({ disclosedAutomation: true, disclosure: '— Crumb’s bot' });
    const audit = await world.t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.workspaceId, world.workspace.id), eq(auditEvents.action, 'inbox.settings_updated')));
    expect(audit.map((event) => event.data['changed'])).toEqual([
      ['autoHideSpam'],
      ['disclosedAutomation', 'disclosure'],
    ]);
    // Back to the default for the next test.
    await settings('PATCH', world.owner, { disclosedAutomation: false });
  });
});

describe('replies sent by an automation rule', () => {
  const rule = { ruleId: '6f1c2f0e-8d8b-4c37-9a55-0a7c2b9a1e11', ruleName: 'Shipping answers' };

  it('are refused until the owner allows disclosed automation, then carry the disclosure and go out once', async () => {
    const conversation = await storeConversation(world);
    const deps = { db: world.t.db, runtime: world.t.context.publishing.runtime };
    const refused = await rejectionOf(
      sendReplyByRule(deps, { workspaceId: world.workspace.id, itemId: conversation.itemId, text: 'We do!', ...rule }),
      AppError,
    );
    expect(refused.detail).toContain('the owner has not turned on disclosed automated replies');

    await settings('PATCH', world.owner, { disclosedAutomation: true, disclosure: '— Crumb’s bot' });
    const reply = await sendReplyByRule(deps, {
      workspaceId: world.workspace.id,
      itemId: conversation.itemId,
      text: 'We do, in two days.',
      ...rule,
    });
    expect(reply).toMatchObject({
      state: 'approved',
      origin: 'rule',
      ruleId: rule.ruleId,
      disclosure: '— Crumb’s bot',
      text: 'We do, in two days.\n\n— Crumb’s bot',
    });
    expect(await sendInboxReply(world.sendDeps, reply.id)).toBe('sent');
    const sent = world.bluesky
      .posts()
      .find((record) => record.value['text'] === 'We do, in two days.\n\n— Crumb’s bot');
    expect(sent).toBeDefined();

    // An item of another workspace is not found, even where that workspace allows automated replies.
    await world.t.db
      .insert(inboxSettings)
      .values({ workspaceId: world.outsiderWorkspace.id, disclosedAutomation: true });
    const theirs = await rejectionOf(
      sendReplyByRule(deps, {
        workspaceId: world.outsiderWorkspace.id,
        itemId: conversation.itemId,
        text: 'x',
        ...rule,
      }),
      AppError,
    );
    expect(theirs.code).toBe('not_found');
    await settings('PATCH', world.owner, { disclosedAutomation: false });
  });
});
