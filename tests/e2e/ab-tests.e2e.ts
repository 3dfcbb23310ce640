import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { VOICE_MATCH_SYSTEM } from '@plume/core/content/voice-match';
import { startOllamaFake, type FakeOllamaPrompt, type OllamaFake } from '@plume/testing/fakes/llm/ollama-fake';
import { startMastodonFake, type MastodonFake } from '@plume/testing/fakes/mastodon/mastodon-fake';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import { startPlume, type RunningPlume } from './support/start-plume.ts';
import { nav, signUpAndCreateWorkspace } from './support/workspace-steps.ts';

let ollama: OllamaFake;
let mastodon: MastodonFake;
let plume: RunningPlume;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let context: BrowserContext | undefined;

/** Variant B's text says it is B, so the board shows which text is whose. */
function answer(prompt: FakeOllamaPrompt): string {
  const system = prompt.system ?? prompt.messages.find((message) => message.role === 'system')?.content ?? '';
  if (system === VOICE_MATCH_SYSTEM) return '{"score":0.8,"reason":"on voice"}';
  const user = prompt.messages.find((message) => message.role === 'user')?.content ?? '';
  const text = user.includes('variant B of an A/B test')
    ? 'Skip the kettle: cold brew needs only time.'
    : 'Cold brew: steep it overnight.';
  const networks = Array.from(system.matchAll(/"(\w+)": \{ "text"/g), (match) => match[1] ?? '');
  return JSON.stringify({
    variants: [{ perNetwork: Object.fromEntries(networks.map((network) => [network, { text, hashtags: [] }])) }],
  });
}

beforeAll(async () => {
  ollama = await startOllamaFake({ answer });
  mastodon = await startMastodonFake();
  plume = await startPlume({ HTTP_ALLOW_PRIVATE_HOSTS: '127.0.0.1', OLLAMA_URL: ollama.url });
  ({ browser, close: closeBrowser } = await launchBrowser());
});

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await closeBrowser?.();
  await plume?.stop();
  await Promise.all([ollama?.close(), mastodon?.close()]);
});

async function step<T>(page: Page, name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const file = await saveScreenshot(page, `ab-tests-${name}`);
    throw new Error(
      `Step "${name}" failed (screenshot: ${file}): ${(error as Error).message}\n${plume.output().slice(-2000)}`,
    );
  }
}

const month = `${new Date().getUTCFullYear() + 1}-05`;
const cards = (page: Page) => page.getByRole('article', { name: /Cold brew basics/ });

it('a drafted brief → "A/B test" → the pair shows linked on the board and the test is listed, then cancelled', async () => {
  context = await browser.newContext({ baseURL: plume.baseUrl, viewport: { width: 1500, height: 1100 } });
  const page = await context.newPage();
  await step(page, 'setup', async () => {
    await signUpAndCreateWorkspace(
      page,
      { name: 'Abe Tester', email: 'abe@example.test', password: 'correct-horse-battery' },
      'Abe Coffee',
    );
    await nav(page, 'Accounts');
    await page.getByRole('button', { name: 'Connect Mastodon' }).click();
    await page.getByLabel('Server').fill(mastodon.instanceUrl);
    await page.getByRole('button', { name: 'Continue to sign in' }).click();
    await page.waitForURL(/\/w\/[\w-]+\/accounts\?connected=/);
    await nav(page, 'Plans');
    await page.getByLabel('Month').fill(month);
    await page.getByRole('button', { name: 'Start the plan' }).click();
    await page.getByRole('heading', { name: /^Plan for May/ }).waitFor();
    await page.getByText('No A/B tests yet').waitFor();
    await page.getByRole('navigation', { name: 'Weeks' }).getByRole('button').nth(2).click();
    // Monday of the third week: variant B then lands on Tuesday, same week.
    const days = page.getByLabel('Day', { exact: true });
    await days.selectOption((await days.locator('option').first().getAttribute('value')) ?? '');
    await page.getByLabel('Pillar', { exact: true }).fill('tips');
    await page.getByLabel('Topic', { exact: true }).fill('Cold brew basics');
    await page.getByRole('button', { name: 'Add the brief' }).click();
    await cards(page).waitFor();
    await page.getByRole('button', { name: 'Place the week' }).click();
    await cards(page)
      .getByText(/^\d\d:\d\d /)
      .waitFor();
    await page.getByRole('button', { name: 'Generate drafts' }).click();
    await page.getByText('Drafts written: 1 of 1').waitFor({ timeout: 60_000 });
  });

  await step(page, 'start', async () => {
    await cards(page).getByRole('button', { name: 'A/B test' }).click();
    const dialog = page.getByRole('dialog', { name: /A\/B test/ });
    await dialog.getByLabel('Another text').check();
    await dialog.getByRole('button', { name: 'Start the test' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 60_000 });
    const a = cards(page).filter({ hasText: 'A/B · A' });
    const b = cards(page).filter({ hasText: 'A/B · B' });
    await a.getByText('Cold brew: steep it overnight.').waitFor();
    await b.getByText('Skip the kettle: cold brew needs only time.').waitFor();
    // Same hour on another day: the pair's times match.
    expect(await b.getByText(/^\d\d:\d\d /).textContent()).toBe(await a.getByText(/^\d\d:\d\d /).textContent());
    expect(await a.getByRole('button', { name: 'A/B test' }).count()).toBe(0);
    const listed = page.getByRole('listitem', { name: 'A/B test: Cold brew basics' });
    await listed.getByText(/text test · Running/).waitFor();
    await listed.getByText('Running: decided 24 hours after the later of the two posts goes out.').waitFor();
    await saveScreenshot(page, 'ab-tests-1-pair');
  });

  await step(page, 'cancel', async () => {
    const listed = page.getByRole('listitem', { name: 'A/B test: Cold brew basics' });
    await listed.getByRole('button', { name: 'Cancel the test' }).click();
    await listed.getByText(/text test · Cancelled/).waitFor();
    await listed.getByText(/before variant B went out; B's post was cancelled\./).waitFor();
    await cards(page).filter({ hasText: 'A/B · A' }).waitFor({ state: 'detached' });
  });
});
