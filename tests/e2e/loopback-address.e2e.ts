import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import { startPlume, type RunningPlume } from './support/start-plume.ts';
import { signUpAndCreateWorkspace } from './support/workspace-steps.ts';

/**
 * People open Plume as http://127.0.0.1:3000 as often as http://localhost:3000. Without PUBLIC_URL
 * both work; with it, a page on another address is told which one to open.
 */

let browser: Browser;
let closeBrowser: () => Promise<void>;
const running: RunningPlume[] = [];

beforeAll(async () => {
  ({ browser, close: closeBrowser } = await launchBrowser());
});
afterAll(async () => {
  await closeBrowser?.();
  for (const plume of running) await plume.stop();
});

async function pageAt(baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 900 } });
  return context.newPage();
}

const loopbackUrl = (plume: RunningPlume) => plume.baseUrl.replace('//localhost:', '//127.0.0.1:');

it('signs up and creates a workspace at 127.0.0.1 when PUBLIC_URL is unset', async () => {
  const plume = await startPlume({ PUBLIC_URL: '' });
  running.push(plume);
  const page = await pageAt(loopbackUrl(plume));
  try {
    const workspaceId = await signUpAndCreateWorkspace(
      page,
      { name: 'Lou Loopback', email: 'lou@example.test', password: 'correct-horse-battery' },
      'Loopback Bakery',
    );
    expect(workspaceId).not.toBe('');
  } catch (error) {
    throw new Error(
      `${(error as Error).message} (screenshot: ${await saveScreenshot(page, 'loopback-unset')})\n${plume.output().slice(-2000)}`,
    );
  }
});

it('names the address to open when PUBLIC_URL is set and the page is elsewhere', async () => {
  const plume = await startPlume();
  running.push(plume);
  const page = await pageAt(loopbackUrl(plume));
  try {
    await page.goto('/sign-up');
    await page.getByLabel('Name').fill('Wendy Wrongaddress');
    await page.getByLabel('Email').fill('wendy@example.test');
    await page.getByLabel('Password').fill('correct-horse-battery');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page
      .getByRole('alert')
      .getByText(`Open Plume at ${plume.baseUrl} — this page was opened at ${loopbackUrl(plume)}`)
      .waitFor();
  } catch (error) {
    throw new Error(
      `${(error as Error).message} (screenshot: ${await saveScreenshot(page, 'loopback-set')})\n${plume.output().slice(-2000)}`,
    );
  }
});
