import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startBlueskyFake, type BlueskyFake } from '@plume/testing/fakes/bluesky';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import { startPlume, type RunningPlume } from './support/start-plume.ts';
import { nav, signUpAndCreateWorkspace } from './support/workspace-steps.ts';

let fake: BlueskyFake;
let plume: RunningPlume;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let context: BrowserContext | undefined;

beforeAll(async () => {
  fake = await startBlueskyFake();
  fake.state.appView.authors.push({
    did: 'did:plc:rivalroasters',
    handle: 'rival.test',
    displayName: 'Rival Roasters',
    followersCount: 1500,
    posts: Array.from({ length: 8 }, (_, index) => ({
      rkey: `r${index}`,
      record: {
        text: `Cupping day ${index} #coffee`,
        createdAt: new Date(Date.now() - (index + 1) * 86_400_000).toISOString(),
      },
      counts: { likeCount: 10 + index, repostCount: 2, replyCount: 1, quoteCount: 0 },
    })),
  });
  plume = await startPlume({
    HTTP_ALLOW_PRIVATE_HOSTS: '127.0.0.1',
    NETWORK_ENDPOINTS: JSON.stringify({ bluesky: { appView: fake.url } }),
  });
  ({ browser, close: closeBrowser } = await launchBrowser());
});

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await closeBrowser?.();
  await plume?.stop();
  await fake?.close();
});

async function step<T>(page: Page, name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const file = await saveScreenshot(page, `competitors-${name}`);
    throw new Error(
      `Step "${name}" failed (screenshot: ${file}): ${(error as Error).message}\n${plume.output().slice(-2000)}`,
    );
  }
}

it('Competitors: follow an account by handle, see it read by the worker, compare, remove', async () => {
  context = await browser.newContext({ baseURL: plume.baseUrl, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await step(page, 'workspace', () =>
    signUpAndCreateWorkspace(
      page,
      { name: 'Cleo Compare', email: 'cleo@example.test', password: 'correct-horse-battery' },
      'Acme Roasters',
    ),
  );
  const form = page.getByRole('form', { name: 'Follow a competitor' });
  await step(page, 'empty', async () => {
    await nav(page, 'Analytics');
    await page.getByText('No competitors yet').waitFor();
  });
  await step(page, 'field errors', async () => {
    await form.getByRole('button', { name: 'Follow' }).click();
    await form.getByText('Enter the account’s name or profile link.').waitFor();
    await form.getByLabel('Network').selectOption({ label: 'Mastodon' });
    await form.getByLabel('Account').fill('just-a-name');
    await form.getByRole('button', { name: 'Follow' }).click();
    await form
      .getByText(/Write a Mastodon address like @name@mastodon.social/)
      .first()
      .waitFor();
  });
  await step(page, 'add and read', async () => {
    await form.getByLabel('Network').selectOption({ label: 'Bluesky' });
    await form.getByLabel('Account').fill('@rival.test');
    await form.getByRole('button', { name: 'Follow' }).click();
    const row = page.getByRole('row', { name: /Rival Roasters/ });
    // The worker's first reading replaces "rival.test / Reading…" with the profile and its figures.
    await row.getByText('Read', { exact: true }).waitFor({ timeout: 30_000 });
    expect(await row.getByRole('cell').nth(2).textContent()).toBe('2');
    expect(await row.getByRole('cell').nth(4).textContent()).toBe('1,500');
    await row.getByText('Often uses #coffee').waitFor();
    await page
      .getByRole('img', { name: /Cadence and engagement, last 28 days\. Rival Roasters: 2 posts a week/ })
      .waitFor();
    await saveScreenshot(page, 'competitors-1-read');
  });
  await step(page, 'remove', async () => {
    await page.getByRole('button', { name: 'Remove Rival Roasters' }).click();
    await page.getByText('No competitors yet').waitFor();
  });
});
