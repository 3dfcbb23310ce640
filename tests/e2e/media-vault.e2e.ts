import { readFile } from 'node:fs/promises';
import { crc32, deflateSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { closeDatabase, createDatabase } from '@plume/db/client';
import { mediaAssets } from '@plume/db/schema/media';
import { eq } from 'drizzle-orm';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import { startPlume, type RunningPlume } from './support/start-plume.ts';
import { nav, signUpAndCreateWorkspace } from './support/workspace-steps.ts';

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
    const file = await saveScreenshot(page, `media-vault-${name}`);
    throw new Error(
      `Step "${name}" failed (screenshot: ${file}): ${(error as Error).message}\n${plume.output().slice(-2000)}`,
    );
  }
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real 8×8 PNG of one colour. */
function png(red: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(8, 0);
  header.writeUInt32BE(8, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.from([0, ...Array.from({ length: 8 }, () => [red, 120, 60]).flat()]);
  const idat = deflateSync(Buffer.concat(Array.from({ length: 8 }, () => row)));
  const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

/** A pending AI image, as generation leaves it (its file is the logo's bytes, so it previews and zips). */
async function insertPendingAiItem(workspaceId: string): Promise<void> {
  const db = createDatabase(plume.databaseUrl, { poolSize: 1 });
  try {
    const [logo] = await db.select().from(mediaAssets).where(eq(mediaAssets.fileName, 'logo.png'));
    if (logo === undefined) throw new Error('the logo upload is missing');
    await db.insert(mediaAssets).values({
      workspaceId,
      kind: 'image',
      mimeType: 'image/png',
      bytes: logo.bytes,
      width: 8,
      height: 8,
      fileName: 'fox-in-snow.png',
      storageKey: logo.storageKey,
      sha256: 'ai-fox',
      aiGenerated: true,
      source: 'ai',
      approval: 'pending',
      provenance: { provider: 'openai', model: 'gpt-image-1', prompt: 'A fox in the snow', costMicros: 40_000 },
    });
  } finally {
    await closeDatabase(db);
  }
}

const grid = (page: Page) => page.getByRole('list', { name: 'Media' });

it('Media library: upload (a duplicate reported), filter, tag, collect, approve, zip, and pick in the composer', async () => {
  context = await browser.newContext({
    baseURL: plume.baseUrl,
    viewport: { width: 1280, height: 1000 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const workspaceId = await step(page, 'workspace', () =>
    signUpAndCreateWorkspace(
      page,
      { name: 'Mia Media', email: 'mia@example.test', password: 'correct-horse-battery' },
      'Acme Roasters',
    ),
  );
  await step(page, 'empty', async () => {
    await nav(page, 'Media');
    await page.getByText('No media yet').waitFor();
  });
  await step(page, 'upload', async () => {
    const input = page.locator('input[type=file]').first();
    await input.setInputFiles([
      { name: 'beach.png', mimeType: 'image/png', buffer: png(200) },
      { name: 'logo.png', mimeType: 'image/png', buffer: png(20) },
    ]);
    await page.getByText('beach.png uploaded.').waitFor();
    await page.getByText('logo.png uploaded.').waitFor();
    await page
      .locator('input[type=file]')
      .first()
      .setInputFiles({ name: 'beach-copy.png', mimeType: 'image/png', buffer: png(200) });
    await page.getByText('beach-copy.png is already in the library (as beach.png): nothing new was stored.').waitFor();
    await expect.poll(() => grid(page).getByRole('listitem').count()).toBe(2);
  });
  await step(page, 'pending', async () => {
    await insertPendingAiItem(workspaceId);
    await page.reload();
    await expect.poll(() => grid(page).getByRole('listitem').count()).toBe(3);
  });
  await step(page, 'search', async () => {
    await page.getByRole('searchbox', { name: 'Search' }).fill('beach');
    await page.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL(/q=beach/);
    await expect.poll(() => grid(page).getByRole('listitem').count()).toBe(1);
    await page.getByLabel('Source').selectOption('ai');
    await page.getByText('Nothing matches these filters').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => grid(page).getByRole('listitem').count()).toBe(3);
  });
  await step(page, 'tag', async () => {
    await page.getByRole('button', { name: 'Preview beach.png' }).click();
    const preview = page.getByRole('complementary', { name: 'Preview' });
    await preview.getByLabel('Tags').fill('Summer, beach day');
    await preview.getByRole('button', { name: 'Save tags' }).click();
    await preview.getByText('Tags saved.').waitFor();
    await page.getByLabel('Tag', { exact: true }).fill('summer');
    await expect.poll(() => grid(page).getByRole('listitem').count()).toBe(1);
    await page.getByLabel('Tag', { exact: true }).fill('');
    await expect.poll(() => grid(page).getByRole('listitem').count()).toBe(3);
  });
  await step(page, 'collection', async () => {
    const collections = page.getByRole('navigation', { name: 'Collections' });
    await collections.getByLabel('New collection').fill('Summer campaign');
    await collections.getByRole('button', { name: 'Create collection' }).click();
    await collections.getByRole('button', { name: /^Summer campaign/ }).waitFor();
    await page.getByLabel('Select beach.png').check();
    await collections.getByRole('button', { name: 'Add 1 selected to Summer campaign' }).click();
    await collections.getByText('Added to Summer campaign.').waitFor();
    await collections.getByRole('button', { name: 'Summer campaign (1)' }).click();
    await page.waitForURL(/collectionId=/);
    await expect.poll(() => grid(page).getByRole('listitem').count()).toBe(1);
    await collections.getByRole('button', { name: 'All media' }).click();
    await page.getByLabel('Select beach.png').uncheck();
  });
  await step(page, 'approve', async () => {
    await page.getByLabel('Approval').selectOption('pending');
    await expect.poll(() => grid(page).getByRole('listitem').count()).toBe(1);
    await page.getByLabel('Select fox-in-snow.png').check();
    await page.getByRole('toolbar', { name: 'Selected media' }).getByRole('button', { name: 'Approve' }).click();
    await page.getByRole('status', { name: 'Batch result' }).getByText('1 file approved.').waitFor();
    await page.getByText('Nothing matches these filters').waitFor();
    await page.getByRole('button', { name: 'Clear filters' }).click();
  });
  await step(page, 'zip', async () => {
    await page.getByLabel('Select beach.png').check();
    await page.getByLabel('Select logo.png').check();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download zip' }).click(),
    ]);
    const bytes = await readFile((await download.path()) ?? '');
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(bytes.includes(Buffer.from('beach.png'))).toBe(true);
    await saveScreenshot(page, 'media-vault-1-library');
  });
  await step(page, 'composer', async () => {
    await page.goto(`/w/${workspaceId}/posts/new`);
    await page.getByRole('button', { name: 'From the library' }).click();
    const library = page.getByRole('list', { name: 'Library' });
    await library.getByRole('button', { name: 'Use beach.png' }).click();
    const attached = page.getByRole('list', { name: 'Attached media' });
    await attached.getByRole('button', { name: 'Remove beach.png' }).waitFor();
    await attached.getByText('Uploaded').waitFor();
    await library.getByRole('button', { name: 'Added beach.png' }).waitFor();
  });
});
