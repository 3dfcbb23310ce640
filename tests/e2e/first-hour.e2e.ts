import type { Browser, BrowserContext, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startMastodonFake, type MastodonFake } from '@plume/testing/fakes/mastodon/mastodon-fake';
import { freePort } from '@plume/testing/free-port';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import { startPlume, type RunningPlume } from './support/start-plume.ts';
import { nav, wallClock, skipOnboarding } from './support/workspace-steps.ts';

// A new user's first hour: the browser runs in New York, the workspace in Paris, so a time shown on the
// browser's clock instead of the workspace's would be six hours off.
const workspaceZone = 'Europe/Paris';
const browserZone = 'America/New_York';
const password = 'correct-horse-battery';
const minute = 60_000;

let fake: MastodonFake;
let plume: RunningPlume;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let context: BrowserContext | undefined;

beforeAll(async () => {
  fake = await startMastodonFake();
  // Ollama is not running here: nothing listens on this port.
  plume = await startPlume({
    HTTP_ALLOW_PRIVATE_HOSTS: '127.0.0.1',
    OLLAMA_URL: `http://127.0.0.1:${await freePort()}`,
  });
  ({ browser, close: closeBrowser } = await launchBrowser());
});

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await closeBrowser?.();
  await plume?.stop();
  await fake?.close();
});

/** Runs one step; on failure keeps a screenshot and the server's output. */
async function step<T>(page: Page, name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const file = await saveScreenshot(page, `first-hour-${name}`);
    throw new Error(
      `Step "${name}" failed (screenshot: ${file}): ${(error as Error).message}\n${plume.output().slice(-2000)}`,
    );
  }
}

/** An instant as the browser formats it on the workspace's clock (the app uses the browser's Intl). */
function shownInWorkspaceZone(page: Page, instant: Date): Promise<string> {
  return page.evaluate(
    ([iso, timeZone]) =>
      new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso)),
    [instant.toISOString(), workspaceZone] as const,
  );
}

/** The text of the error line a field points at with aria-describedby. */
async function fieldError(page: Page, label: string): Promise<string> {
  const ids = (await page.getByLabel(label, { exact: true }).getAttribute('aria-describedby')) ?? '';
  const errorId = ids.split(' ').find((id) => id.endsWith('-error')) ?? 'none';
  return (await page.locator(`[id="${errorId}"]`).textContent()) ?? '';
}

it('a new user sees plain errors at their fields, workspace times with the zone, image thumbnails, guided connect forms and a real dashboard', async () => {
  context = await browser.newContext({
    baseURL: plume.baseUrl,
    viewport: { width: 1280, height: 900 },
    timezoneId: browserZone,
  });
  const page = await context.newPage();

  await step(page, 'workspace', async () => {
    await page.goto('/sign-up');
    await page.getByLabel('Name').fill('Ada Admin');
    await page.getByLabel('Email').fill('ada@example.test');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Check your email' }).waitFor();
    await page.goto('/sign-in');
    await page.getByLabel('Email').fill('ada@example.test');
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/workspaces\/new/);
    await page.getByLabel('Workspace name').fill('Acme Coffee');
    await page.getByRole('radio', { name: 'Brand' }).check();
    await page.getByLabel('Timezone').selectOption(workspaceZone);
    await page.getByRole('button', { name: 'Create workspace' }).click();
    await skipOnboarding(page);
  });

  await step(page, 'empty-dashboard', async () => {
    await page.getByText('Nothing scheduled', { exact: true }).waitFor();
    await page.getByText('Nothing published yet').waitFor();
    await page.getByText('Nothing needs attention').waitFor();
    await page.getByText('No accounts connected yet').waitFor();
  });

  await step(page, 'brand-field-error', async () => {
    await nav(page, 'Brand');
    await page.getByLabel('Tone words').fill('warm, witty, direct, calm, bold, kind, brief, bright, wry');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('alert').getByText('Tone words: Use at most 8 items (this has 9).').waitFor();
    expect(await fieldError(page, 'Tone words')).toBe('Use at most 8 items (this has 9).');
    expect(await page.getByRole('alert').textContent()).not.toMatch(/body\/|Too big/);
    expect(await page.locator('main').textContent()).not.toContain('PUT this path');
    await saveScreenshot(page, 'first-hour-1-brand-error');
  });

  await step(page, 'models-wording', async () => {
    await nav(page, 'Models');
    const ollama = page.getByText(/Ollama is not running at http:\/\/127\.0\.0\.1:\d+: start it with `ollama serve`\./);
    await ollama.first().waitFor();
    // The provider's status and the Ollama card each say it once, never "Ollama is not running at X (Ollama is
    // not running at X: …)".
    for (const text of await ollama.allTextContents()) expect(text.match(/is not running/g)).toHaveLength(1);
    await page.getByRole('button', { name: 'Add a provider' }).click();
    const kinds = await page.getByLabel('Kind').locator('option').allTextContents();
    expect(kinds).toEqual(expect.arrayContaining(['OpenAI', 'Anthropic', 'Groq', 'Perplexity', 'Meta Llama API']));
    expect(kinds).not.toContain('Openai');
  });

  await step(page, 'bluesky-connect-form', async () => {
    await nav(page, 'Accounts');
    await page.getByRole('button', { name: 'Connect Bluesky' }).click();
    const form = page.getByRole('form', { name: 'Connect Bluesky' });
    await form.getByLabel('App password').waitFor();
    await form.getByText('Settings → Privacy and security → App passwords', { exact: false }).waitFor();
    await form.getByText('your own PDS', { exact: false }).waitFor();
    await form.getByLabel('Handle').fill('ada.bsky.social');
    await form.getByLabel('App password').fill('abcd-efgh-ijkl-mnop');
    await form.getByLabel('Server (optional)').fill('https://nonexistent.invalid');
    await form.getByRole('button', { name: 'Connect Bluesky' }).click();
    const reason = 'Plume could not reach nonexistent.invalid from this server (DNS lookup failed).';
    await form.getByRole('alert').getByText(reason).waitFor();
    expect(await fieldError(page, 'Server (optional)')).toBe(reason);
    await saveScreenshot(page, 'first-hour-2-bluesky-form');
    await form.getByRole('button', { name: 'Cancel' }).click();
  });

  await step(page, 'connect-mastodon', async () => {
    await page.getByRole('button', { name: 'Connect Mastodon' }).click();
    await page.getByLabel('Server').fill(fake.instanceUrl);
    await page.getByRole('button', { name: 'Continue to sign in' }).click();
    await page.waitForURL(/\/w\/[\w-]+\/accounts\?connected=/);
    await page
      .getByRole('status')
      .getByText(/Connected @?plume/)
      .waitFor();
  });

  await step(page, 'empty-draft', async () => {
    await nav(page, 'Posts');
    await page.getByRole('link', { name: 'New post' }).click();
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByRole('alert').getByText('Text: Write some text or add media before saving.').waitFor();
    expect(await fieldError(page, 'Text')).toBe('Write some text or add media before saving.');
  });

  const scheduledFor = new Date(Math.ceil((Date.now() + 90 * minute) / (15 * minute)) * 15 * minute);
  await step(page, 'compose-with-image', async () => {
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c0ffee' } })
      .png()
      .toBuffer();
    await page.getByLabel('Text').fill('Fresh beans, with a photo');
    await page.getByRole('checkbox', { name: /Mastodon · @?plume/ }).check();
    await page.getByLabel('Media').setInputFiles({ name: 'beans.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('list', { name: 'Attached media' }).getByText('Uploaded').waitFor();
    const thumbnail = page.getByRole('list', { name: 'Attached media' }).locator('img').first();
    const preview = page.getByRole('article', { name: 'Mastodon preview' }).locator('img[src^="blob:"]').first();
    await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(64);
    await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(64);
    await page.getByLabel('Publish at').fill(wallClock(scheduledFor, workspaceZone).replace(' ', 'T'));
    await saveScreenshot(page, 'first-hour-3-composer');
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.waitForURL(/\/posts\/[0-9a-f-]{36}$/);
    // No approval in this workspace: the history says it was scheduled, and for when, in Paris time.
    await page
      .getByRole('list', { name: 'History' })
      .getByText(/Scheduled for .*\(Europe\/Paris\) \(no review needed\)/)
      .waitFor();
    expect(await page.getByRole('list', { name: 'History' }).textContent()).not.toContain('Submitted for review');
  });

  await step(page, 'publish-another', async () => {
    await nav(page, 'Posts');
    await page.getByRole('link', { name: 'New post' }).click();
    await page.getByLabel('Text').fill('Open until six today');
    await page.getByRole('checkbox', { name: /Mastodon · @?plume/ }).check();
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.waitForURL(/\/posts\/[0-9a-f-]{36}$/);
    await page.getByRole('button', { name: 'Publish now' }).click();
    await page
      .getByRole('link', { name: new RegExp(`^${fake.instanceUrl}/@plume/\\d+$`) })
      .waitFor({ timeout: 60_000 });
  });

  await step(page, 'dashboard', async () => {
    await nav(page, 'Dashboard');
    const next = page.getByRole('list', { name: 'Next scheduled posts' });
    await next.getByRole('link', { name: 'Fresh beans, with a photo' }).waitFor();
    // The time is on the workspace's clock (Paris), not the browser's (New York); the card names the zone.
    const shown = await shownInWorkspaceZone(page, scheduledFor);
    expect(await next.locator('time').first().textContent()).toBe(shown);
    expect(shown).not.toBe(
      await page.evaluate(
        (iso) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso)),
        scheduledFor.toISOString(),
      ),
    );
    await page.getByText('Times in Europe/Paris.', { exact: false }).first().waitFor();
    await page
      .getByRole('list', { name: 'Recently published posts' })
      .getByRole('link', { name: 'Open until six today' })
      .waitFor();
    await page.getByText('The account is connected and healthy.').waitFor();
    await saveScreenshot(page, 'first-hour-4-dashboard');
  });

  await step(page, 'posts-list-zone', async () => {
    await nav(page, 'Posts');
    const table = page.getByRole('table', { name: /Posts/ });
    await table.getByText('Times in Europe/Paris.').waitFor();
    const row = table.getByRole('row').filter({ hasText: 'Fresh beans, with a photo' });
    await row.getByText(await shownInWorkspaceZone(page, scheduledFor), { exact: true }).waitFor();
    await saveScreenshot(page, 'first-hour-5-posts');
  });
});
