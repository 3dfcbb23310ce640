import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { closeDatabase, createDatabase } from '@plume/db/client';
import { startBlueskyFake, type BlueskyFake } from '@plume/testing/fakes/bluesky';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import { seedConversation, type SeedConversation } from './support/seed-inbox.ts';
import { startPlume, type RunningPlume } from './support/start-plume.ts';
import { nav, signUpAndCreateWorkspace } from './support/workspace-steps.ts';

// Replies (draft → approve → send) and the figures come from other branches of issue 14; their steps run
// once those routes are in this checkout, and the test output says when they were left out.
const root = path.resolve(import.meta.dirname, '../..');
const hasReplyRoutes = existsSync(path.join(root, 'apps/server/src/routes/inbox-replies'));

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
    const file = await saveScreenshot(page, `inbox-${name}`);
    throw new Error(
      `Step "${name}" failed (screenshot: ${file}): ${(error as Error).message}\n${plume.output().slice(-2000)}`,
    );
  }
}

/** A Bluesky post by someone else, as the inbox stores it (its at:// URI and, in meta, its cid). */
function blueskyItem(rkey: string): Pick<SeedConversation, 'remoteId' | 'meta'> {
  return { remoteId: `at://did:plc:${rkey}/app.bsky.feed.post/${rkey}`, meta: { cid: `bafy${rkey}` } };
}

/** Three conversations on the connected account, as ingestion leaves them. */
async function seedInbox(workspaceId: string, accountId: string): Promise<void> {
  const db = createDatabase(plume.databaseUrl, { poolSize: 1 });
  const account = { workspaceId, accountId, network: 'bluesky' as const };
  try {
    await seedConversation(db, account, {
      handle: 'jo.test',
      name: 'Jo Rivera',
      kind: 'comment',
      text: 'Is the shop open on Sunday?',
      minutesAgo: 5,
      intent: 'question',
      sentiment: 'neutral',
      ...blueskyItem('jo1'),
    });
    await seedConversation(db, account, {
      handle: 'kim.test',
      name: 'Kim Lee',
      kind: 'mention',
      text: 'The new roast from @alice.test is lovely',
      minutesAgo: 30,
      intent: 'praise',
      sentiment: 'positive',
      ...blueskyItem('kim1'),
    });
    await seedConversation(db, account, {
      handle: 'sam.test',
      name: 'Sam Park',
      kind: 'comment',
      text: 'My order arrived cold',
      minutesAgo: 90,
      intent: 'complaint',
      sentiment: 'negative',
      ...blueskyItem('sam1'),
    });
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

const rows = (page: Page) => page.getByRole('list', { name: 'Conversations' }).getByRole('listitem');

it('Inbox: filter, open a conversation, note, assign, tag, reply, mark done, shortcuts, all answered', async () => {
  context = await browser.newContext({ baseURL: plume.baseUrl, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const workspaceId = await step(page, 'workspace', () =>
    signUpAndCreateWorkspace(
      page,
      { name: 'Ines Inbox', email: 'ines@example.test', password: 'correct-horse-battery' },
      'Inbox Roasters',
    ),
  );
  await step(page, 'empty', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: /^Inbox/ })
      .click();
    await page.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();
    await page.getByText(/No account with an inbox yet|All answered/).waitFor();
  });
  const accountId = await step(page, 'connect', () => connectBluesky(page, workspaceId));
  await seedInbox(workspaceId, accountId);
  await step(page, 'list', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: /^Inbox/ })
      .click();
    await rows(page).first().waitFor();
    expect(await rows(page).count()).toBe(3);
    // The nav's unread count needs GET …/inbox/stats (inboxapi, not on main yet): not checked here yet.
  });
  await step(page, 'filter', async () => {
    await page.getByLabel('Intent').selectOption('question');
    await page.waitForURL(/intent=question/);
    await page.waitForFunction(() => document.querySelectorAll('[aria-label="Conversations"] li').length === 1);
    await rows(page).getByText('Jo Rivera').waitFor();
  });
  await step(page, 'open', async () => {
    await rows(page).getByRole('button').click();
    await page.getByRole('heading', { name: 'Jo Rivera', level: 2 }).waitFor();
    await page.getByRole('list', { name: 'Messages' }).getByText('Is the shop open on Sunday?').waitFor();
    // Opening marks it read: the list's unread marker goes.
    await rows(page).getByText('1 unread').waitFor({ state: 'detached' });
  });
  await step(page, 'note', async () => {
    await page.getByLabel('Add a note').fill('Regular customer, answer kindly');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByText('Regular customer, answer kindly').waitFor();
  });
  await step(page, 'assign and tag', async () => {
    await page.getByLabel('Assigned to').selectOption({ label: 'Ines Inbox (me)' });
    await rows(page).getByText('Assigned to Ines Inbox').waitFor();
    await page.getByLabel('New tag').fill('opening hours');
    await page.getByRole('button', { name: 'Add tag' }).click();
    await rows(page).getByText('#opening hours').waitFor();
  });
  if (!hasReplyRoutes)
    console.warn('inbox journey: the reply routes are not in this checkout yet; reply steps skipped');
  if (hasReplyRoutes)
    await step(page, 'draft', async () => {
      await page.getByLabel('Your reply').fill('Yes, from 9 to 13.');
      await page.getByRole('button', { name: 'Save draft' }).click();
      await page.getByRole('listitem', { name: 'Reply, Draft' }).getByText('Yes, from 9 to 13.').waitFor();
    });
  if (hasReplyRoutes)
    await step(page, 'edit and send', async () => {
      await page.getByRole('listitem', { name: 'Reply, Draft' }).getByRole('button', { name: 'Edit' }).click();
      await page.getByLabel('Your reply').fill('Yes, from 9 to 13 on Sundays.');
      // The composer's button (the draft's card has one too): it saves the edit and approves it.
      await page.getByRole('button', { name: 'Approve & send' }).last().click();
      // The worker sends it to Bluesky (the fake) as a reply in Jo's thread; the page follows it live.
      const sent = page.getByRole('listitem', { name: 'Reply, Sent' });
      await sent.getByText('Yes, from 9 to 13 on Sundays.').waitFor();
      await sent.getByRole('link', { name: 'See it on Bluesky' }).waitFor();
      const posted = [...bluesky.state.records.values()].filter((record) => record.collection === 'app.bsky.feed.post');
      expect(posted.map((record) => record.value['text'])).toEqual(['Yes, from 9 to 13 on Sundays.']);
      expect(posted[0]?.value['reply']).toMatchObject({ parent: { uri: 'at://did:plc:jo1/app.bsky.feed.post/jo1' } });
    });
  await step(page, 'done', async () => {
    await page.getByRole('button', { name: 'Done', exact: true }).click();
    await page.getByText('No conversation matches these filters').waitFor();
  });
  await step(page, 'shortcuts', async () => {
    await page.getByRole('button', { name: 'Clear filters' }).first().click();
    await page.waitForFunction(() => document.querySelectorAll('[aria-label="Conversations"] li').length === 2);
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await page.keyboard.press('Escape');
    for (const name of ['Kim Lee', 'Sam Park']) {
      await page.keyboard.press('j');
      await page.getByRole('heading', { name, level: 2 }).waitFor();
      await page.keyboard.press('e');
      await rows(page).getByText(name).waitFor({ state: 'detached' });
    }
    await page.getByText('All answered').waitFor();
  });
});
