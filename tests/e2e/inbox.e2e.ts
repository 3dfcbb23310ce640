import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { closeDatabase, createDatabase } from '@plume/db/client';
import { seedAccount } from '@plume/testing/seed-analytics';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import { seedConversation } from './support/seed-inbox.ts';
import { startPlume, type RunningPlume } from './support/start-plume.ts';
import { signUpAndCreateWorkspace } from './support/workspace-steps.ts';

let plume: RunningPlume;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let context: BrowserContext | undefined;

beforeAll(async () => {
  plume = await startPlume();
  ({ browser, close: closeBrowser } = await launchBrowser());
});

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await closeBrowser?.();
  await plume?.stop();
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

async function seedInbox(workspaceId: string): Promise<void> {
  const db = createDatabase(plume.databaseUrl, { poolSize: 1 });
  try {
    const accountId = await seedAccount(db, { workspaceId, network: 'mastodon', handle: 'acme@mastodon.test' });
    const account = { workspaceId, accountId, network: 'mastodon' as const };
    await seedConversation(db, account, {
      handle: 'jo@mastodon.test',
      name: 'Jo Rivera',
      kind: 'comment',
      text: 'Is the shop open on Sunday?',
      minutesAgo: 5,
      intent: 'question',
      sentiment: 'neutral',
    });
    await seedConversation(db, account, {
      handle: 'kim@mastodon.test',
      name: 'Kim Lee',
      kind: 'mention',
      text: 'The new roast from @acme is lovely',
      minutesAgo: 30,
      intent: 'praise',
      sentiment: 'positive',
    });
    await seedConversation(db, account, {
      handle: 'sam@mastodon.test',
      name: 'Sam Park',
      kind: 'comment',
      text: 'My order arrived cold',
      minutesAgo: 90,
      intent: 'complaint',
      sentiment: 'negative',
    });
  } finally {
    await closeDatabase(db);
  }
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
  await seedInbox(workspaceId);
  await step(page, 'list', async () => {
    await page.reload();
    await rows(page).first().waitFor();
    expect(await rows(page).count()).toBe(3);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: /Inbox, 3 unread/ })
      .waitFor();
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
  await step(page, 'reply', async () => {
    await page.getByLabel('Your reply').fill('Yes, from 9 to 13 on Sundays.');
    await page.getByRole('button', { name: 'Save draft' }).click();
    const reply = page.getByRole('list').getByRole('listitem', { name: /^Reply, / });
    await reply.getByText('Yes, from 9 to 13 on Sundays.').waitFor();
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
