import { eq } from 'drizzle-orm';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fireAutomationTrigger } from '@plume/core/automation/fire-trigger';
import { closeDatabase, createDatabase, type Database } from '@plume/db/client';
import { inboxConversations, inboxItems } from '@plume/db/schema/inbox';
import { startBlueskyFake, type BlueskyFake } from '@plume/testing/fakes/bluesky';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import { seedConversation } from './support/seed-inbox.ts';
import { startPlume, type RunningPlume } from './support/start-plume.ts';
import { nav, signUpAndCreateWorkspace } from './support/workspace-steps.ts';

let bluesky: BlueskyFake;
let plume: RunningPlume;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let context: BrowserContext | undefined;

beforeAll(async () => {
  // The fake runs in this process; Plume (a child process) reaches it over loopback.
  bluesky = await startBlueskyFake();
  plume = await startPlume({ HTTP_ALLOW_PRIVATE_HOSTS: '127.0.0.1' });
  ({ browser, close: closeBrowser } = await launchBrowser());
});

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await closeBrowser?.();
  await plume?.stop();
  await bluesky?.close();
});

async function step<T>(page: Page, name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const file = await saveScreenshot(page, `automation-${name}`);
    throw new Error(
      `Step "${name}" failed (screenshot: ${file}): ${(error as Error).message}\n${plume.output().slice(-2000)}`,
    );
  }
}

async function withDatabase<T>(use: (db: Database) => Promise<T>): Promise<T> {
  const db = createDatabase(plume.databaseUrl, { poolSize: 1 });
  try {
    return await use(db);
  } finally {
    await closeDatabase(db);
  }
}

async function connectBluesky(page: Page, workspaceId: string): Promise<string> {
  await nav(page, 'Accounts');
  await page.getByRole('button', { name: 'Connect Bluesky' }).click();
  const form = page.getByRole('form', { name: 'Connect Bluesky' });
  await form.getByLabel('Handle').fill('alice.test');
  await form.getByLabel('Password').fill('app-pass-1234');
  await form.getByLabel('Server').fill(bluesky.url);
  await form.getByRole('button', { name: 'Connect Bluesky' }).click();
  await page.getByRole('table', { name: 'Connected accounts' }).getByText('alice.test', { exact: true }).waitFor();
  const response = await page.request.get(`/api/v1/workspaces/${workspaceId}/accounts`);
  const accounts = (await response.json()) as { items: { id: string; network: string }[] };
  const account = accounts.items.find((item) => item.network === 'bluesky');
  if (!account) throw new Error('the Bluesky account was not connected');
  return account.id;
}

type SeededComplaint = { conversationId: string; itemId: string };

/**
 * Two comments received in the last hours, as ingestion leaves them: what the dry run replays (it reads
 * `inbox_items` of the last 7 days). Only Sam's is a complaint. Answers Sam's conversation and item.
 */
async function seedInbox(workspaceId: string, accountId: string): Promise<SeededComplaint> {
  const account = { workspaceId, accountId, network: 'bluesky' as const };
  return withDatabase(async (db) => {
    await seedConversation(db, account, {
      handle: 'jo.test',
      name: 'Jo Rivera',
      kind: 'comment',
      text: 'Is the shop open on Sunday?',
      minutesAgo: 20,
      intent: 'question',
      sentiment: 'neutral',
      remoteId: 'at://did:plc:jo1/app.bsky.feed.post/jo1',
      meta: { cid: 'bafyjo1' },
    });
    const conversationId = await seedConversation(db, account, {
      handle: 'sam.test',
      name: 'Sam Park',
      kind: 'comment',
      text: 'My order arrived cold',
      minutesAgo: 90,
      intent: 'complaint',
      sentiment: 'negative',
      remoteId: 'at://did:plc:sam1/app.bsky.feed.post/sam1',
      meta: { cid: 'bafysam1' },
    });
    const [item] = await db
      .select({ id: inboxItems.id })
      .from(inboxItems)
      .where(eq(inboxItems.conversationId, conversationId));
    if (!item) throw new Error('the seeded item is missing');
    return { conversationId, itemId: item.id };
  });
}

/** What the inbox ingestion does when Sam's comment arrives: fire the trigger, in its own transaction. */
async function fireNewComplaint(workspaceId: string, seeded: SeededComplaint): Promise<string | null> {
  return withDatabase((db) =>
    db.transaction((tx) =>
      fireAutomationTrigger(tx, {
        workspaceId,
        trigger: 'inbox.item_created',
        data: {
          itemId: seeded.itemId,
          conversationId: seeded.conversationId,
          network: 'bluesky',
          kind: 'comment',
          intent: 'complaint',
          sentiment: 'negative',
          text: 'My order arrived cold',
          authorHandle: 'sam.test',
        },
        dedupeKey: `inbox:${seeded.itemId}`,
      }),
    ),
  );
}

/** The text a field's aria-describedby points at (its hint and its error). */
async function descriptionOf(field: Locator): Promise<string> {
  return field.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ')
      .trim(),
  );
}

const ruleName = 'Tag complaints and tell the admins';

it('Automation: empty state, a missing field at its place, the 7-day dry run, save, off and on, a run in its history', async () => {
  context = await browser.newContext({ baseURL: plume.baseUrl, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const workspaceId = await step(page, 'workspace', () =>
    signUpAndCreateWorkspace(
      page,
      { name: 'Ada Auto', email: 'ada@example.test', password: 'correct-horse-battery' },
      'Auto Roasters',
    ),
  );
  const accountId = await step(page, 'connect', () => connectBluesky(page, workspaceId));
  const complaint = await seedInbox(workspaceId, accountId);

  await step(page, 'empty', async () => {
    await nav(page, 'Automation');
    await page.getByRole('heading', { name: 'Automation', level: 1 }).waitFor();
    await page.getByText('No automation rules yet').waitFor();
    for (const suggestion of [
      'Tag complaints and assign them to me',
      'Tell admins when a post fails',
      'Pause the autopilot when the AI budget is almost gone',
    ])
      await page.getByRole('button', { name: suggestion }).waitFor();
  });

  await step(page, 'compose', async () => {
    await page.getByRole('button', { name: 'New rule' }).click();
    await page.getByRole('heading', { name: 'New rule', level: 2 }).waitFor();
    await page.getByRole('textbox', { name: 'Name' }).fill(ruleName);
    await page
      .getByRole('combobox', { name: 'When' })
      .selectOption({ label: 'A new comment, mention, message or review' });
    await page.getByRole('button', { name: 'Add a condition' }).click();
    await page.getByRole('combobox', { name: 'Condition 1: field' }).selectOption({ label: 'Intent' });
    await page.getByRole('combobox', { name: 'compared' }).selectOption({ label: 'is' });
    await page.getByRole('combobox', { name: 'with' }).selectOption('complaint');
    await page.getByRole('button', { name: 'Add an action' }).click();
    await page.getByRole('combobox', { name: 'Action 1' }).selectOption({ label: 'Tag the conversation' });
    await page.getByRole('button', { name: 'Add an action' }).click();
    await page.getByRole('combobox', { name: 'Action 2' }).selectOption({ label: 'Notify people' });
    await page.getByRole('textbox', { name: 'Title' }).fill('Complaint from {{authorHandle}}');
  });

  await step(page, 'missing tag', async () => {
    // The tag is left empty: the server refuses it, and the page shows why at the Tag field.
    await page.getByRole('button', { name: 'Save rule' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('Tag: Enter a tag').waitFor();
    expect(await alert.textContent()).not.toMatch(/body|actions\/0/);
    const tag = page.getByRole('textbox', { name: 'Tag' });
    expect(await tag.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(tag)).toBe('Enter a tag');
  });

  await step(page, 'dry run', async () => {
    await page.getByRole('textbox', { name: 'Tag' }).fill('complaint');
    await page.getByRole('button', { name: 'Try it on the last 7 days' }).click();
    const result = page.getByRole('region', { name: 'Over the last 7 days' });
    await result
      .getByText('The rule would have run 1 time(s) (of 2 event(s)). Nothing was done: this is a dry run.')
      .waitFor();
    const match = result.getByRole('listitem').filter({ hasText: 'sam.test on bluesky' });
    await match.getByText('Tag the conversation “complaint”.').waitFor();
    await match.getByText('Notify owners and admins: “Complaint from sam.test”.').waitFor();
    expect(await result.getByText('jo.test').count()).toBe(0);
    // The fixed field no longer says it is missing, and the form's alert is gone.
    expect(await page.getByRole('textbox', { name: 'Tag' }).getAttribute('aria-invalid')).toBeNull();
    expect(await page.getByRole('alert').count()).toBe(0);
  });

  await step(page, 'save', async () => {
    await page.getByRole('button', { name: 'Save rule' }).click();
    await page.getByRole('heading', { name: `Rule “${ruleName}” saved` }).waitFor();
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('heading', { name: ruleName, level: 2 }).waitFor();
    await page.getByText('A new comment, mention, message or review · 2 action(s)').waitFor();
    await page.getByText(/0 run\(s\)/).waitFor();
    expect(await page.getByRole('checkbox', { name: 'On' }).isChecked()).toBe(true);
  });

  await step(page, 'no runs yet', async () => {
    await page.getByRole('button', { name: 'Show run history' }).click();
    await page.getByText('No runs yet: the rule runs when its trigger happens and its conditions hold.').waitFor();
    await page.getByRole('button', { name: 'Hide run history' }).click();
  });

  await step(page, 'off and on', async () => {
    const toggle = page.getByRole('checkbox', { name: 'On' });
    await toggle.click();
    await page.getByRole('checkbox', { name: 'On', checked: false }).waitFor();
    // Off, the rule does not listen: the new complaint starts nothing.
    expect(await fireNewComplaint(workspaceId, complaint)).toBeNull();
    await toggle.click();
    await page.getByRole('checkbox', { name: 'On', checked: true }).waitFor();
    const response = await page.request.get(`/api/v1/workspaces/${workspaceId}/automation/rules`);
    const rules = (await response.json()) as { items: { name: string; enabled: boolean }[] };
    expect(rules.items).toEqual([expect.objectContaining({ name: ruleName, enabled: true })]);
  });

  await step(page, 'a run', async () => {
    // On again, the complaint arriving fires the rule; the worker runs it.
    expect(await fireNewComplaint(workspaceId, complaint)).toEqual(expect.any(String));
    const response = await page.request.get(`/api/v1/workspaces/${workspaceId}/automation/rules`);
    const [rule] = ((await response.json()) as { items: { id: string }[] }).items;
    const deadline = Date.now() + 30_000;
    for (;;) {
      const runs = await page.request.get(`/api/v1/workspaces/${workspaceId}/automation/rules/${rule?.id}/runs`);
      const [run] = ((await runs.json()) as { items: { status: string }[] }).items;
      if (run !== undefined && run.status !== 'running') {
        expect(run.status).toBe('succeeded');
        break;
      }
      if (Date.now() > deadline) throw new Error('the worker did not run the rule within 30 s');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const tags = await withDatabase(async (db) => {
      const [row] = await db
        .select({ tags: inboxConversations.tags })
        .from(inboxConversations)
        .where(eq(inboxConversations.id, complaint.conversationId));
      return row?.tags;
    });
    expect(tags).toContain('complaint');
  });

  await step(page, 'run history', async () => {
    await page.reload();
    await page.getByText(/1 run\(s\)/).waitFor();
    await page.getByRole('button', { name: 'Show run history' }).click();
    const history = page.getByRole('region', { name: 'Run history' });
    const run = history.getByRole('listitem').filter({ hasText: /— Done/ });
    await run.getByText('Tag the conversation: Tagged the conversation “complaint”.').waitFor();
    await run.getByText(/^Notify people: Notified 1 member\(s\) in the app/).waitFor();
    await run.getByText('What started it').click();
    await run.getByText(/"authorHandle": "sam.test"/).waitFor();
  });
});
