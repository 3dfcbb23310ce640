import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort } from '@plume/testing/free-port';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import { startPlume, type RunningPlume } from './support/start-plume.ts';
import { nav } from './support/workspace-steps.ts';

const password = 'correct-horse-battery';

let plume: RunningPlume;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let context: BrowserContext | undefined;

beforeAll(async () => {
  plume = await startPlume({ OLLAMA_URL: `http://127.0.0.1:${await freePort()}` });
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
    const file = await saveScreenshot(page, `onboarding-${name}`);
    throw new Error(
      `Step "${name}" failed (screenshot: ${file}): ${(error as Error).message}\n${plume.output().slice(-2000)}`,
    );
  }
}

/** The text of the error line a field points at with aria-describedby. */
async function fieldError(page: Page, label: string): Promise<string> {
  const ids = (await page.getByLabel(label, { exact: true }).getAttribute('aria-describedby')) ?? '';
  const errorId = ids.split(' ').find((id) => id.endsWith('-error')) ?? 'none';
  return (await page.locator(`[id="${errorId}"]`).textContent()) ?? '';
}

async function createWorkspace(page: Page, name: string): Promise<void> {
  await page.goto('/workspaces/new');
  await page.getByLabel('Workspace name').fill(name);
  await page.getByRole('radio', { name: 'Brand' }).check();
  await page.getByLabel('Timezone').selectOption('America/New_York');
  await page.getByLabel('Locale').fill('en-US');
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.waitForURL(/\/w\/[\w-]+\/onboarding$/);
}

const next = (page: Page) => page.getByRole('button', { name: 'Next' }).click();

it('the setup wizard fills the brand profile and the strategy; skipping it leaves an empty strategy page', async () => {
  context = await browser.newContext({ baseURL: plume.baseUrl, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();

  await step(page, 'sign-up', async () => {
    await page.goto('/sign-up');
    await page.getByLabel('Name').fill('Lee Plumber');
    await page.getByLabel('Email').fill('lee@example.test');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill('lee@example.test');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/workspaces\/new/);
  });

  await step(page, 'business', async () => {
    await createWorkspace(page, 'Leeds Plumbing');
    await page.getByRole('heading', { name: 'Set up this workspace' }).waitFor();
    await page.getByText('Step 1 of 5: Business').waitFor();
    await next(page);
    await page.getByText('Choose the kind of business closest to yours.').waitFor();
    await page.getByRole('radio', { name: 'Local service business' }).check();
    await next(page);
  });

  await step(page, 'goals', async () => {
    await page.getByText('Step 2 of 5: Goals').waitFor();
    // The template's goals come checked; with none the step says so.
    await page.getByRole('checkbox', { name: 'Leads' }).uncheck();
    await page.getByRole('checkbox', { name: 'Community' }).uncheck();
    await next(page);
    await page.getByText('Choose at least one goal.').waitFor();
    await page.getByRole('checkbox', { name: 'Leads' }).check();
    await next(page);
  });

  await step(page, 'audience', async () => {
    await page.getByText('Step 3 of 5: Audience and tone').waitFor();
    await page.getByLabel('Audience', { exact: true }).fill('');
    await next(page);
    expect(await fieldError(page, 'Audience')).toBe('Say who the posts are for.');
    await page.getByLabel('Audience', { exact: true }).fill('Home owners in Leeds');
    await page.getByLabel('Tone', { exact: true }).fill('friendly, reliable');
    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByText('Step 2 of 5: Goals').waitFor();
    await next(page);
    expect(await page.getByLabel('Audience', { exact: true }).inputValue()).toBe('Home owners in Leeds');
    await next(page);
  });

  await step(page, 'networks', async () => {
    await page.getByText('Step 4 of 5: Networks').waitFor();
    expect(await page.getByLabel('Posts a week on Facebook').inputValue()).toBe('5');
    await page.getByLabel('Posts a week on Facebook').fill('80');
    await next(page);
    expect(await fieldError(page, 'Posts a week on Facebook')).toBe('Between 1 and 50 posts a week.');
    await page.getByLabel('Posts a week on Facebook').fill('4');
    await next(page);
  });

  await step(page, 'budget-and-finish', async () => {
    await page.getByText('Step 5 of 5: AI budget').waitFor();
    await page.getByLabel('Monthly AI budget (US dollars)').fill('12');
    await page.getByRole('button', { name: 'Finish' }).click();
    await page.waitForURL(/\/w\/[\w-]+\/strategy$/);
  });

  await step(page, 'strategy-page', async () => {
    await page.getByRole('heading', { name: 'Strategy', exact: true }).waitFor();
    const pillars = page.getByRole('list', { name: 'Content pillars and their share of the posts' });
    await pillars.getByText('Local community: 35 %').waitFor();
    await pillars.getByText('Offers and news: 15 %').waitFor();
    const cadence = page.getByRole('list', { name: 'Posts a week per network' });
    expect(await cadence.innerText()).toContain('4 a week');
    await page.getByText('Home owners in Leeds').waitFor();
    await page.getByRole('heading', { name: 'Seasonal dates ahead' }).waitFor();
    await page.getByText("days in the workspace's zone (America/New York)", { exact: false }).waitFor();
    await page.getByText('US$ 12').waitFor();
  });

  await step(page, 'strategy-edit-errors', async () => {
    await page.getByLabel('Local community share (%)').fill('50');
    await page.getByText('Total: 115 % (must be 100)').waitFor();
    await page.getByRole('button', { name: 'Save strategy' }).click();
    await page.getByRole('alert').getByText("The pillars' shares must add up to 100 (they add up to 115)").waitFor();
    await page.getByRole('button', { name: 'Add a pillar' }).click();
    await page.getByLabel('Pillar 5 name').fill('Seasonal checks');
    await page.getByLabel('Seasonal checks description').fill('Boiler checks before winter');
    await page.getByLabel('Seasonal checks share (%)').fill('10');
    await page.getByLabel('Local community share (%)').fill('10');
    await page.getByLabel('Offers and news share (%)').fill('30');
    await page.getByRole('button', { name: 'Save strategy' }).click();
    await page.getByRole('status').getByText('Strategy saved.').waitFor();
    const pillars = page.getByRole('list', { name: 'Content pillars and their share of the posts' });
    await pillars.getByText('Offers and news: 30 %').waitFor();
    await pillars.getByText('Seasonal checks: 10 %').waitFor();
  });

  await step(page, 'template-copy', async () => {
    await page.getByRole('heading', { name: 'Your copy of the Local service business template' }).waitFor();
    await page.getByRole('link', { name: 'Create posts on your Business Profile' }).waitFor();
    await page.getByLabel('Calls to action').fill('Call us\nBook a boiler service');
    await page.getByRole('button', { name: 'Save the copy' }).click();
    await page.getByRole('status').getByText('Your copy of the template was saved.').waitFor();
    await page.getByText('Copied from version 1, edited in this workspace.').waitFor();
  });

  await step(page, 'brand-profile', async () => {
    await nav(page, 'Brand');
    await page.getByRole('heading', { name: 'Brand', exact: true }).waitFor();
    expect(await page.getByLabel('Industry', { exact: true }).inputValue()).toBe('Local service business');
    expect(await page.getByLabel('Audience', { exact: true }).inputValue()).toBe('Home owners in Leeds');
  });

  await step(page, 'skip', async () => {
    await createWorkspace(page, 'Second Shop');
    await page.getByRole('link', { name: 'Skip for now' }).click();
    await page.waitForURL(/\/w\/[\w-]+$/);
    await nav(page, 'Strategy');
    await page.getByText('No strategy yet').waitFor();
    await page.getByRole('link', { name: 'Start the setup wizard' }).click();
    await page.getByText('Step 1 of 5: Business').waitFor();
  });
});
