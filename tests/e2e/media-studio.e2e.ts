import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { fakePng } from '@plume/testing/fakes/media/fake-media-bytes';
import { startOpenAiMediaFake, type OpenAiMediaFake } from '@plume/testing/fakes/media/openai-media-fake';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import { startPlume, type RunningPlume } from './support/start-plume.ts';
import { signUpAndCreateWorkspace } from './support/workspace-steps.ts';

let images: OpenAiMediaFake;
let plume: RunningPlume;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let context: BrowserContext | undefined;

beforeAll(async () => {
  // A local OpenAI-compatible image server (LocalAI-like: no key, any size), in this process; Plume (a
  // child process) reaches it over loopback as the instance's local image provider.
  images = await startOpenAiMediaFake({ apiKey: null, flavor: 'compatible', models: ['stable-diffusion-xl'] });
  plume = await startPlume({
    HTTP_ALLOW_PRIVATE_HOSTS: '127.0.0.1',
    OPENAI_COMPATIBLE_IMAGE_URL: `${images.url}/v1`,
  });
  ({ browser, close: closeBrowser } = await launchBrowser());
});

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await closeBrowser?.();
  await plume?.stop();
  await images?.close();
});

async function step<T>(page: Page, name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const file = await saveScreenshot(page, `media-studio-${name}`);
    throw new Error(
      `Step "${name}" failed (screenshot: ${file}): ${(error as Error).message}\n${plume.output().slice(-2000)}`,
    );
  }
}

async function createCharacter(page: Page, workspaceId: string): Promise<void> {
  await page.goto(`/w/${workspaceId}/media/characters`);
  await page.getByText('No characters yet').waitFor();
  await page.getByRole('button', { name: 'Create a character' }).click();
  const form = page.getByRole('form', { name: 'Character' });
  await form.getByLabel('Name').fill('Mia');
  await form.getByLabel('Description').fill('The barista who hosts our cold brew videos');
  await form.getByLabel('Hair').fill('short red bob');
  await form.getByLabel('Clothing').fill('green apron');
  await form.getByLabel('Style').selectOption({ label: 'Illustration' });
  await form.getByRole('button', { name: 'Create character' }).click();
  const card = page.getByRole('list', { name: 'Characters' }).getByRole('listitem', { name: 'Mia' });
  await card.getByText('short red bob').waitFor();
}

async function addConsentedReference(page: Page): Promise<void> {
  const card = page.getByRole('list', { name: 'Characters' }).getByRole('listitem', { name: 'Mia' });
  await card.getByRole('button', { name: 'Add a reference image' }).click();
  const form = card.getByRole('form', { name: 'Add a reference image' });
  await form
    .getByLabel('Or upload an image')
    .setInputFiles({ name: 'mia.png', mimeType: 'image/png', buffer: fakePng(640, 640, 'Mia') });
  await form.getByLabel('This image shows a real person').check();
  await form.getByLabel('Who gave consent').fill('Mia Rossi');
  await form.getByLabel('What they agreed to').fill('AI images of me for Acme Coffee social media posts');
  // Without the tick, the consent is refused at its checkbox.
  await form.getByRole('button', { name: 'Add reference' }).click();
  await form
    .getByText(/consent on record/)
    .last()
    .waitFor();
  expect(await form.getByLabel('I have their consent on record').getAttribute('aria-invalid')).toBe('true');
  await form.getByLabel('I have their consent on record').check();
  await form.getByRole('button', { name: 'Add reference' }).click();
  await card.getByText(/Real person · consent by Mia Rossi, recorded/).waitFor();
}

it('creates a character with a consented reference, generates 2 images with progress, approves one, rejects the other; an explicit prompt is refused at the prompt', async () => {
  context = await browser.newContext({ baseURL: plume.baseUrl, viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  const workspaceId = await step(page, 'workspace', () =>
    signUpAndCreateWorkspace(
      page,
      { name: 'Ada Admin', email: 'ada@example.test', password: 'correct-horse-battery' },
      'Acme Coffee',
    ),
  );

  await step(page, 'character', async () => {
    await createCharacter(page, workspaceId);
    await addConsentedReference(page);
    await saveScreenshot(page, 'media-studio-1-character');
  });

  await step(page, 'generate', async () => {
    await page.getByRole('navigation', { name: 'Media sections' }).getByRole('link', { name: 'Generate' }).click();
    await page.getByRole('heading', { name: 'Generate', level: 1 }).waitFor();
    await page.getByText('Nothing generated yet').waitFor();
    const form = page.getByRole('form', { name: 'Generate' });
    await form.getByLabel('Prompt', { exact: true }).fill('Mia pouring cold brew at a sunny counter');
    await form.getByLabel('Style').selectOption({ label: 'Watercolor' });
    await form.getByLabel('Shape').selectOption('4:5');
    await form.getByLabel('How many').fill('2');
    await form.getByLabel('Character').selectOption({ label: 'Mia' });
    await form.getByRole('button', { name: 'Generate images' }).click();
    await page.getByRole('progressbar', { name: 'Generation progress' }).waitFor();
    const results = page.getByRole('list', { name: 'Results' });
    await expect.poll(() => results.getByRole('listitem').count(), { timeout: 60_000 }).toBe(2);
    await page
      .getByRole('progressbar', { name: 'Generation progress' })
      .and(page.locator('[aria-valuenow="100"]'))
      .waitFor();
    expect(await results.getByText('Waiting for approval').count()).toBe(2);
    expect(await results.getByText('AI-generated').count()).toBe(2);
    await results
      .getByText(/local-images/)
      .first()
      .waitFor();
    await results.getByText('Watercolor').first().waitFor();
    await saveScreenshot(page, 'media-studio-2-results');
  });

  await step(page, 'review', async () => {
    const results = page.getByRole('list', { name: 'Results' }).getByRole('listitem');
    await results.nth(0).getByRole('button', { name: 'Approve' }).click();
    await results.nth(0).getByText('Approved').waitFor();
    await results.nth(1).getByRole('button', { name: 'Reject' }).click();
    await results.nth(1).getByText('Rejected').waitFor();
    const recent = page.getByRole('list', { name: 'Recent generations' });
    await recent.getByText('Mia pouring cold brew at a sunny counter').waitFor();
    await recent.getByText(/Image · Watercolor · 4:5 · 2 results · Done/).waitFor();
    await saveScreenshot(page, 'media-studio-3-reviewed');
  });

  await step(page, 'refusal', async () => {
    const form = page.getByRole('form', { name: 'Generate' });
    const calls = images.requests.length;
    await form.getByLabel('Prompt', { exact: true }).fill('a nude portrait of Mia');
    await form.getByRole('button', { name: 'Generate images' }).click();
    await form.getByText(/does not make sexual or explicit/).waitFor();
    expect(await form.getByLabel('Prompt', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    // Refused before any provider was called.
    expect(images.requests.length).toBe(calls);
    await saveScreenshot(page, 'media-studio-4-refused');
  });
});
