import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fireAutomationTrigger } from '@plume/core/automation/fire-trigger';
import { automationRules, automationRuns } from '@plume/db/schema/automation';
import { inboxConversations, inboxItems } from '@plume/db/schema/inbox';
import { notifications } from '@plume/db/schema/notifications';
import { startAutomationKit, type AutomationKit } from '../../test-support/automation-kit.ts';
import { addMember, createUser, createWorkspaceAs, type TestUser } from '../../test-support/factories.ts';

let kit: AutomationKit;
let editor: TestUser;
let stranger: TestUser;
let conversationId: string;
const base = () => `/api/v1/workspaces/${kit.workspace.id}/automation/rules`;
const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000);

async function seedInbox(): Promise<void> {
  const [conversation] = await kit.t.db
    .insert(inboxConversations)
    .values({
      workspaceId: kit.workspace.id,
      accountId: kit.accountId,
      network: 'mastodon',
      kind: 'comment',
      conversationKey: 'post-1',
      contactId: 'c-1',
      contactHandle: '@ann@example.test',
      contactName: 'Ann',
      lastItemAt: daysAgo(2),
    })
    .returning({ id: inboxConversations.id });
  conversationId = conversation!.id;
  const item = (remoteId: string, text: string, intent: 'complaint' | 'praise', days: number) => ({
    workspaceId: kit.workspace.id,
    conversationId,
    accountId: kit.accountId,
    remoteId,
    kind: 'comment' as const,
    authorId: 'c-1',
    authorHandle: '@ann@example.test',
    authorName: 'Ann',
    text,
    intent,
    remoteCreatedAt: daysAgo(days),
    receivedAt: daysAgo(days),
  });
  await kit.t.db
    .insert(inboxItems)
    .values([
      item('i-1', 'My bread was stale', 'complaint', 2),
      item('i-2', 'Lovely croissants', 'praise', 3),
      item('i-3', 'Still waiting for a refund', 'complaint', 9),
    ]);
}

beforeAll(async () => {
  kit = await startAutomationKit();
  editor = await createUser(kit.t.app, kit.t.db, { name: 'Eddie Editor' });
  await addMember(kit.t.app, kit.workspace, kit.owner, editor, 'editor');
  stranger = await createUser(kit.t.app, kit.t.db, { name: 'Stranger' });
  await createWorkspaceAs(kit.t.app, stranger);
  await seedInbox();
});
afterAll(() => kit.t.close());

const complaintsRule = () => ({
  name: 'Tag complaints and assign them to me',
  trigger: { type: 'inbox.item_created' },
  conditions: [{ field: 'intent', operator: 'equals', value: 'complaint' }],
  actions: [
    { type: 'tag', tag: 'complaint' },
    { type: 'assign', userId: kit.owner.id },
  ],
});

describe('rules', () => {
  it('refuses a rule with every problem at its field, in plain words', async () => {
    const response = await kit.t.app.inject({
      method: 'POST',
      url: base(),
      headers: kit.owner.headers,
      payload: {
        name: 'Broken',
        trigger: { type: 'schedule', cron: 'every day' },
        conditions: [{ field: 'intent', operator: 'equals', value: 'complaint' }],
        actions: [
          { type: 'generate_draft', topic: 'News', accountIds: ['00000000-0000-4000-8000-000000000000'] },
          { type: 'call_webhook', url: 'http://10.0.0.5/hook' },
          { type: 'tag', tag: 'x' },
        ],
      },
    });
    expect(response.statusCode).toBe(400);
    const problems = response.json<{ errors: { path: string; message: string }[] }>().errors;
    expect(problems.map((problem) => problem.path).sort()).toEqual([
      'body/actions/0/accountIds/0',
      'body/actions/1/url',
      'body/actions/2/type',
      'body/conditions/0/field',
      'body/trigger/cron',
    ]);
    expect(problems.find((problem) => problem.path === 'body/actions/1/url')!.message).toContain('10.0.0.5');
  });

  it('lets admins make and change rules, members read them, and hides them from other workspaces', async () => {
    const created = await kit.createRule(complaintsRule());
    expect(created.signingSecret).toMatch(/^whsec_/);
    const asEditor = await kit.t.app.inject({
      method: 'POST',
      url: base(),
      headers: editor.headers,
      payload: complaintsRule(),
    });
    expect(asEditor.statusCode).toBe(403);
    const list = await kit.t.app.inject({ method: 'GET', url: base(), headers: editor.headers });
    expect(list.json<{ items: { id: string; signingSecret?: string }[] }>().items).toEqual([
      expect.objectContaining({ id: created.id, runCount: 0, lastRunAt: null }),
    ]);
    expect(list.body).not.toContain('whsec_');
    for (const [method, url] of [
      ['GET', `${base()}/${created.id}`],
      ['PATCH', `${base()}/${created.id}`],
      ['GET', `${base()}/${created.id}/runs`],
      ['DELETE', `${base()}/${created.id}`],
    ] as const) {
      const response = await kit.t.app.inject({
        method,
        url,
        headers: stranger.headers,
        payload: method === 'PATCH' ? { name: 'Mine' } : undefined,
      });
      expect(response.statusCode, `${method} ${url}`).toBe(404);
    }
    // Plume turned it off once; turning it on again clears why.
    await kit.t.db
      .update(automationRules)
      .set({ enabled: false, pausedReason: 'Turned off: too often' })
      .where(eq(automationRules.id, created.id));
    const on = await kit.t.app.inject({
      method: 'PATCH',
      url: `${base()}/${created.id}`,
      headers: kit.owner.headers,
      payload: { enabled: true },
    });
    expect(on.json()).toMatchObject({ enabled: true, pausedReason: null });
  });
});

describe('dry run', () => {
  const dryRun = async (payload: unknown) => {
    const response = await kit.t.app.inject({
      method: 'POST',
      url: `${base()}/dry-run`,
      headers: kit.owner.headers,
      payload: payload as Record<string, unknown>,
    });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<{
      considered: number;
      zone: string;
      matches: { source: string; input: Record<string, unknown>; actions: { type: string; wouldDo: string }[] }[];
    }>();
  };

  it('replays the last 7 days of inbox items through an unsaved rule, without doing anything', async () => {
    const result = await dryRun({ rule: complaintsRule() });
    expect(result.considered).toBe(2); // the 9-day-old complaint is outside the window
    expect(result.matches).toHaveLength(1);
    expect(result.matches[0]).toMatchObject({
      source: 'inbox_item',
      input: { text: 'My bread was stale', intent: 'complaint' },
    });
    expect(result.matches[0]!.actions.map((action) => action.wouldDo)).toEqual([
      'Tag the conversation “complaint”.',
      'Assign the conversation to the chosen member.',
    ]);
    const [conversation] = await kit.t.db
      .select()
      .from(inboxConversations)
      .where(eq(inboxConversations.id, conversationId));
    expect(conversation).toMatchObject({ tags: [], assigneeId: null });
    expect(await kit.t.db.select().from(automationRuns)).toHaveLength(0);
  });

  it('lists a schedule’s times in the workspace zone and the published posts of the week', async () => {
    const schedule = await dryRun({
      rule: {
        trigger: { type: 'schedule', cron: '0 9 * * *' },
        actions: [{ type: 'notify', title: 'Morning {{weekday}}' }],
      },
    });
    expect(schedule.zone).toBe('Europe/Berlin');
    expect(schedule.matches.length).toBeGreaterThanOrEqual(6);
    expect(schedule.matches.every((match) => match.input.hour === 9)).toBe(true);
    expect(schedule.matches[0]!.actions[0]!.wouldDo).toMatch(/^Notify owners and admins: “Morning \w+day”\.$/);

    const postId = await kit.newPost('Three days old');
    await kit.publishFirstTarget(postId);
    await kit.t.db.execute(
      sql`UPDATE post_events SET created_at = now() - interval '3 days' WHERE post_id = ${postId}`,
    );
    const published = await dryRun({
      rule: {
        trigger: { type: 'post.published' },
        conditions: [{ field: 'text', operator: 'contains', value: 'three' }],
        actions: [{ type: 'call_webhook', url: 'https://93.184.215.14/hook' }],
      },
    });
    expect(published.matches.map((match) => match.input.postId)).toEqual([postId]);
    expect(await kit.t.db.select().from(notifications).where(eq(notifications.kind, 'automation'))).toHaveLength(0);
  });

  it('wants a saved rule or a rule, and checks the rule like saving does', async () => {
    const neither = await kit.t.app.inject({
      method: 'POST',
      url: `${base()}/dry-run`,
      headers: kit.owner.headers,
      payload: {},
    });
    expect(neither.statusCode).toBe(400);
    const bad = await kit.t.app.inject({
      method: 'POST',
      url: `${base()}/dry-run`,
      headers: kit.owner.headers,
      payload: {
        rule: {
          trigger: { type: 'post.failed' },
          conditions: [{ field: 'threshold', operator: 'equals', value: 1 }],
          actions: [{ type: 'notify', title: 'x' }],
        },
      },
    });
    expect(bad.json<{ errors: { path: string }[] }>().errors.map((problem) => problem.path)).toEqual([
      'body/rule/conditions/0/field',
    ]);
  });
});

describe('inbox actions and run history', () => {
  it('tags and assigns the conversation of a new complaint; a reply action fails plainly without the replies engine', async () => {
    const rule = await kit.createRule({
      ...complaintsRule(),
      name: 'Complaints, and draft a reply',
      actions: [...complaintsRule().actions, { type: 'draft_reply', instructions: 'Apologise' }],
    });
    const [item] = await kit.t.db.select().from(inboxItems).where(eq(inboxItems.remoteId, 'i-1'));
    await kit.t.db.transaction((tx) =>
      fireAutomationTrigger(tx, {
        workspaceId: kit.workspace.id,
        trigger: 'inbox.item_created',
        data: {
          itemId: item!.id,
          conversationId,
          network: 'mastodon',
          kind: 'comment',
          intent: 'complaint',
          text: item!.text,
        },
      }),
    );
    await kit.runJobs(kit.services());
    const [conversation] = await kit.t.db
      .select()
      .from(inboxConversations)
      .where(eq(inboxConversations.id, conversationId));
    expect(conversation).toMatchObject({ tags: ['complaint'], assigneeId: kit.owner.id });

    const page = await kit.t.app.inject({
      method: 'GET',
      url: `${base()}/${rule.id}/runs?limit=1`,
      headers: editor.headers,
    });
    expect(page.statusCode).toBe(200);
    const body = page.json<{
      items: { status: string; depth: number; actions: { type: string; ok: boolean; error: string | null }[] }[];
      nextCursor: string | null;
    }>();
    expect(body.items[0]).toMatchObject({ status: 'failed', depth: 0 });
    expect(body.items[0]!.actions.map((action) => [action.type, action.ok])).toEqual([
      ['tag', true],
      ['assign', true],
      ['draft_reply', false],
    ]);
    expect(body.items[0]!.actions[2]!.error).toBe('Replies are not available on this server yet.');
    expect(body.nextCursor).toBeNull();
  });
});
