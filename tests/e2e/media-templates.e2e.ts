import { createHash } from 'node:crypto';
import sharp from 'sharp';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
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
    const file = await saveScreenshot(page, `media-templates-${name}`);
    throw new Error(
      `Step "${name}" failed (screenshot: ${file}): ${(error as Error).message}\n${plume.output().slice(-2000)}`,
    );
  }
}

interface ShownImage {
  src: string;
  sha256: string;
  width: number;
  height: number;
}

/**
 * The preview as the browser shows it, once typing has settled and no render runs: its object URL, a
 * hash of its pixels (drawn from the <img> itself) and its pixel size.
 */
async function shownPreview(page: Page): Promise<ShownImage> {
  const image = page.getByTestId('template-preview');
  await image.waitFor();
  await page.waitForTimeout(500);
  await page.getByText('Rendering…').waitFor({ state: 'detached', timeout: 30_000 });
  const shown = await image.evaluate(async (element) => {
    const img = element as HTMLImageElement;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    canvas.getContext('2d')?.drawImage(img, 0, 0);
    return { src: img.src, pixels: canvas.toDataURL('image/png'), width: img.naturalWidth, height: img.naturalHeight };
  });
  const sha256 = createHash('sha256').update(shown.pixels).digest('hex');
  return { src: shown.src, sha256, width: shown.width, height: shown.height };
}

/** Waits until the preview shows a different PNG than `before` and no render is running. */
async function nextPreview(page: Page, before: ShownImage): Promise<ShownImage> {
  await page.waitForFunction(
    (src) => {
      const img = document.querySelector<HTMLImageElement>('[data-testid="template-preview"]');
      return img !== null && img.src !== src && img.complete;
    },
    before.src,
    { timeout: 30_000 },
  );
  return shownPreview(page);
}

it('Templates: brand colour, quote card with a live preview, 4:5, saved design, render to the vault, use in a post', async () => {
  context = await browser.newContext({ baseURL: plume.baseUrl, viewport: { width: 1440, height: 1000 } });
  const page = await context.newPage();
  const workspaceId = await step(page, 'workspace', () =>
    signUpAndCreateWorkspace(
      page,
      { name: 'Tess Templates', email: 'tess@example.test', password: 'correct-horse-battery' },
      'Tess Bakery',
    ),
  );
  await step(page, 'open the page', async () => {
    await page.goto(`/w/${workspaceId}/media/templates`);
    await page.getByRole('heading', { name: 'Templates', level: 1 }).waitFor();
    await page.getByText('No saved designs yet').waitFor();
    await page.getByText('No brand kit saved yet').waitFor();
  });
  await step(page, 'brand colour', async () => {
    const background = page.getByRole('textbox', { name: 'Background colour', exact: true });
    await background.fill('#12');
    await page.getByRole('button', { name: 'Save brand kit' }).click();
    await page.getByText('Type a colour as # and six hex digits').first().waitFor();
    await background.fill('#FDE68A');
    await page.getByRole('textbox', { name: 'Primary colour', exact: true }).fill('#b45309');
    await page.getByRole('button', { name: 'Save brand kit' }).click();
    await page.getByText('Brand kit saved.').waitFor();
  });
  await step(page, 'a font that is not one is refused at its field', async () => {
    await page.getByLabel('Font file').setInputFiles({
      name: 'brand.ttf',
      mimeType: 'font/ttf',
      buffer: Buffer.from('this is not a font file at all'),
    });
    await page.getByRole('button', { name: 'Upload font' }).click();
    // The API names what is missing at its field first…
    await page.getByText('Name the font family').waitFor();
    await page.getByLabel('Family name').fill('Brand Sans');
    await page.getByRole('button', { name: 'Upload font' }).click();
    // …then refuses the bytes at the file field.
    const field = page.getByLabel('Font file');
    await page.waitForFunction(() => document.querySelector('input[type="file"][aria-invalid="true"]') !== null);
    const errorId = (await field.getAttribute('aria-describedby'))?.split(' ').find((id) => id.endsWith('-error'));
    expect(errorId).toBeDefined();
    expect(await page.locator(`[id="${errorId ?? ''}"]`).innerText()).toMatch(/font/i);
  });
  const first = await step(page, 'quote preview', async () => {
    await page.getByRole('radio', { name: 'Quote card' }).check();
    await page.getByText('Fill in Quote to see the preview.').waitFor();
    await page.getByRole('textbox', { name: 'Quote', exact: true }).fill('Bread is better when it is shared.');
    await page.getByRole('textbox', { name: 'Author', exact: true }).fill('Tess');
    const shown = await shownPreview(page);
    expect(shown.width).toBe(shown.height);
    return shown;
  });
  const typed = await step(page, 'typing changes the preview', async () => {
    await page
      .getByRole('textbox', { name: 'Quote', exact: true })
      .fill('Bread is better when it is shared with friends.');
    const shown = await nextPreview(page, first);
    expect(shown.sha256).not.toBe(first.sha256);
    return shown;
  });
  await step(page, 'field error in words', async () => {
    await page.getByRole('textbox', { name: 'Quote', exact: true }).fill('');
    await page.getByText('Fill in Quote to see the preview.').waitFor();
    await expect(page.getByRole('button', { name: 'Save design' }).isDisabled()).resolves.toBe(true);
    await page
      .getByRole('textbox', { name: 'Quote', exact: true })
      .fill('Bread is better when it is shared with friends.');
  });
  await step(page, 'portrait 4:5', async () => {
    await page.locator('label', { has: page.getByRole('radio', { name: /^4:5/ }) }).click();
    const shown = await nextPreview(page, typed);
    expect(shown.sha256).not.toBe(typed.sha256);
    expect(shown.width / shown.height).toBeCloseTo(1080 / 1350, 2);
  });
  await step(page, 'save the design', async () => {
    await page.getByRole('textbox', { name: 'Design name' }).fill('Sharing bread');
    await page.getByRole('button', { name: 'Save design' }).click();
    await page.getByText('Design saved.').waitFor();
    const list = page.getByRole('list', { name: 'Saved designs' });
    await list.getByRole('button', { name: 'Open Sharing bread' }).waitFor();
    await list.getByText(/Quote card · 4:5/).waitFor();
  });
  await step(page, 'render to the vault', async () => {
    await page.getByRole('button', { name: 'Render to the vault' }).click();
    await page.getByText('Rendered 1 image into the media vault.').waitFor({ timeout: 60_000 });
    await page.getByText(/\.png \(1080×1350\)$/).waitFor();
  });
  await step(page, 'use in a post', async () => {
    await page.getByRole('link', { name: 'Use in a post' }).click();
    await page.waitForURL(/\/posts\/new\?media=/);
    const attached = page.getByRole('list', { name: 'Attached media' });
    await attached.getByText('Uploaded').waitFor();
    const image = attached.locator('img').first();
    await image.waitFor();
    await page.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('[aria-label="Attached media"] img');
      return img !== null && img.complete && img.naturalWidth > 0;
    });
    const size = await image.evaluate((element) => {
      const img = element as HTMLImageElement;
      return { width: img.naturalWidth, height: img.naturalHeight };
    });
    expect(size).toEqual({ width: 1080, height: 1350 });
  });
  // A carousel's images arrive in the composer in slide order: ?media= keeps the order it is given.
  const slide = (red: number) =>
    sharp({ create: { width: 1080, height: 1350, channels: 3, background: { r: red, g: 90, b: 60 } } })
      .png()
      .toBuffer();
  const ids = [
    await uploadPng(page, workspaceId, 'slide-1.png', await slide(200)),
    await uploadPng(page, workspaceId, 'slide-2.png', await slide(20)),
  ];
  await step(page, 'media in order', async () => {
    await page.goto(`/w/${workspaceId}/posts/new?media=${ids.join(',')}`);
    const attached = page.getByRole('list', { name: 'Attached media' });
    await attached.getByText('slide-2.png').first().waitFor();
    await page.waitForFunction(() =>
      [...document.querySelectorAll<HTMLImageElement>('[aria-label="Attached media"] img')].every(
        (img) => img.complete && img.naturalWidth === 1080,
      ),
    );
    expect(await attached.locator('li p.truncate').allInnerTexts()).toEqual(['slide-1.png', 'slide-2.png']);
  });
});

/** Uploads a PNG through the web app's own session (as the media picker does); answers its id. */
async function uploadPng(page: Page, workspaceId: string, name: string, png: Buffer): Promise<string> {
  return page.evaluate(
    async ({ workspaceId, name, data }) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(data)], { type: 'image/png' }), name);
      const response = await fetch(`/api/v1/workspaces/${workspaceId}/media`, { method: 'POST', body: form });
      return ((await response.json()) as { id: string }).id;
    },
    { workspaceId, name, data: Array.from(png) },
  );
}
