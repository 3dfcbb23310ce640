import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startMastodonFake, type MastodonFake } from '@plume/testing/fakes/mastodon/mastodon-fake';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import { startPlume, type RunningPlume } from './support/start-plume.ts';
import { nav, signUpAndCreateWorkspace } from './support/workspace-steps.ts';

let fake: MastodonFake;
let plume: RunningPlume;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let context: BrowserContext | undefined;

beforeAll(async () => {
  fake = await startMastodonFake();
  plume = await startPlume({ HTTP_ALLOW_PRIVATE_HOSTS: '127.0.0.1' });
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
    const file = await saveScreenshot(page, `import-history-${name}`);
    throw new Error(
      `Step "${name}" failed (screenshot: ${file}): ${(error as Error).message}\n${plume.output().slice(-2000)}`,
    );
  }
}

const history = [
  'published_at,network,text,likes,reposts,replies,has_media',
  '2026-03-01T09:30:00+01:00,mastodon,"Fresh beans, roasted this morning",12,3,2,yes',
  '2026-03-02T18:00:00Z,mastodon,Cupping notes #coffee,7,1,0,no',
  '2026-03-03 10:00,mastodon,No offset,1,1,1,no',
].join('\n');

it('Import past results: the check shows the format, the posts and the bad line; import stores them once', async () => {
  context = await browser.newContext({ baseURL: plume.baseUrl, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await step(page, 'workspace', () =>
    signUpAndCreateWorkspace(
      page,
      { name: 'Hana History', email: 'hana@example.test', password: 'correct-horse-battery' },
      'Acme Roasters',
    ),
  );
  await step(page, 'connect', async () => {
    await nav(page, 'Accounts');
    await page.getByRole('button', { name: 'Connect Mastodon' }).click();
    await page.getByLabel('Server').fill(fake.instanceUrl);
    await page.getByRole('button', { name: 'Continue to sign in' }).click();
    await page.waitForURL(/\/w\/[\w-]+\/accounts\?connected=/);
  });
  await step(page, 'check', async () => {
    await page
      .getByLabel('CSV file', { exact: true })
      .setInputFiles({ name: 'history.csv', mimeType: 'text/csv', buffer: Buffer.from(history) });
    await page
      .getByText(/Read as the generic format: 2 posts to store \(2 new, 0 already there\), 1 row left out/)
      .waitFor();
    await page
      .getByRole('list', { name: 'Rows left out' })
      .getByText(/^Line 4: published_at must be an ISO 8601 time/)
      .waitFor();
    const preview = page.getByRole('table', { name: 'The first posts as they will be stored' });
    await preview.getByText('Fresh beans, roasted this morning').waitFor();
    expect(await preview.getByRole('row').count()).toBe(3);
    await saveScreenshot(page, 'import-history-1-check');
  });
  await step(page, 'import', async () => {
    await page.getByRole('button', { name: 'Import 2 posts' }).click();
    await page.getByRole('status').getByText('Imported: 2 new posts.').waitFor();
  });
});
