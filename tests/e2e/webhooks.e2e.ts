import { createServer, type Server } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listenOnLoopback } from '@plume/testing/listen-loopback';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import { startPlume, type RunningPlume } from './support/start-plume.ts';
import { nav, signUpAndCreateWorkspace } from './support/workspace-steps.ts';

let plume: RunningPlume;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let context: BrowserContext | undefined;
let receiver: Server;
let receiverUrl: string;
const received: string[] = [];

beforeAll(async () => {
  receiver = createServer((request, response) => {
    const id = request.headers['webhook-id'];
    if (typeof id === 'string') received.push(id);
    request.resume();
    request.on('end', () => response.writeHead(204).end());
  });
  receiverUrl = `${(await listenOnLoopback(receiver)).url}/hooks`;
  plume = await startPlume({ HTTP_ALLOW_PRIVATE_HOSTS: '127.0.0.1' });
  ({ browser, close: closeBrowser } = await launchBrowser());
});

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await closeBrowser?.();
  await plume?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});

async function step<T>(page: Page, name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const file = await saveScreenshot(page, `webhooks-${name}`);
    throw new Error(
      `Step "${name}" failed (screenshot: ${file}): ${(error as Error).message}\n${plume.output().slice(-2000)}`,
    );
  }
}

it('Webhooks: empty state, a refused address at its field, the secret once, a test event in the delivery log', async () => {
  context = await browser.newContext({ baseURL: plume.baseUrl, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await step(page, 'workspace', () =>
    signUpAndCreateWorkspace(
      page,
      { name: 'Hana Hooks', email: 'hana@example.test', password: 'correct-horse-battery' },
      'Hook Roasters',
    ),
  );
  await step(page, 'empty', async () => {
    await nav(page, 'Webhooks');
    await page.getByText('No webhook endpoints yet').waitFor();
  });
  await step(page, 'refused address', async () => {
    await page.getByLabel('Endpoint URL').fill('http://10.1.2.3/hooks');
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    await page
      .getByText(/only calls public addresses/)
      .first()
      .waitFor();
  });
  await step(page, 'secret once', async () => {
    await page.getByLabel('Endpoint URL').fill(receiverUrl);
    await page.getByRole('button', { name: 'Add endpoint' }).click();
    const secret = await page.getByLabel('Signing secret').inputValue();
    expect(secret).toMatch(/^whsec_/);
    await page.getByText('It won’t be shown again.').waitFor();
    await page.getByRole('button', { name: 'Done' }).click();
    // Once the panel is gone (not in the same instant as the click, on a busy machine), the secret is nowhere.
    await page.getByLabel('Signing secret').waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(secret);
  });
  await step(page, 'test event', async () => {
    await page.getByRole('button', { name: 'Send test event' }).click();
    await page.getByText(/Test event: delivered \(HTTP 204/).waitFor();
    await page.getByRole('cell', { name: /webhook\.test/ }).waitFor();
    await page.getByRole('cell', { name: 'Delivered' }).waitFor();
    expect(received).toHaveLength(1);
  });
});
