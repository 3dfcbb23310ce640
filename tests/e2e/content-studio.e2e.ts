import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { VOICE_MATCH_SYSTEM } from '@plume/core/content/voice-match';
import { startBlueskyFake, type BlueskyFake } from '@plume/testing/fakes/bluesky';
import { startOllamaFake, type FakeOllamaPrompt, type OllamaFake } from '@plume/testing/fakes/llm/ollama-fake';
import { startMastodonFake, type MastodonFake } from '@plume/testing/fakes/mastodon/mastodon-fake';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import { startPlume, type RunningPlume } from './support/start-plume.ts';
import { nav, signUpAndCreateWorkspace } from './support/workspace-steps.ts';

let ollama: OllamaFake;
let mastodon: MastodonFake;
let bluesky: BlueskyFake;
let plume: RunningPlume;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let context: BrowserContext | undefined;

/** What the fake model writes: a text per network and variant, so the test knows which one was accepted. */
const postText = (network: string, variant: number) =>
  `Variant ${variant} for ${network}: cold brew is smoother than iced coffee. Steep it overnight and shop the beans!`;
const REWRITTEN = 'Cold brew, made simple. Shop the beans!';
const THREAD_PART = 'Grind coarse, steep sixteen hours, then strain.';
const EDITED = 'Our own words: cold brew, sixteen hours, no fuss.';

function systemOf(prompt: FakeOllamaPrompt): string {
  return prompt.system ?? prompt.messages.find((message) => message.role === 'system')?.content ?? '';
}

/** Generation prompts get the JSON of variants for the networks asked; voice checks a verdict; rewrites a text. */
function answer(prompt: FakeOllamaPrompt): string {
  const system = systemOf(prompt);
  if (system === VOICE_MATCH_SYSTEM) return '{"score":0.8,"reason":"on voice"}';
  if (system.startsWith('You rewrite social media posts')) return REWRITTEN;
  const networks = Array.from(system.matchAll(/"(\w+)": \{ "text"/g), (match) => match[1] ?? '');
  const user = prompt.messages.find((message) => message.role === 'user')?.content ?? '';
  const variants = Number(/Write (\d+) variant/.exec(user)?.[1] ?? 1);
  return JSON.stringify({
    variants: Array.from({ length: variants }, (_, index) => ({
      // Variant 2 for Bluesky continues in a thread: the writer lists the part under the text.
      perNetwork: Object.fromEntries(
        networks.map((network) => [
          network,
          {
            text: postText(network, index + 1),
            hashtags: ['ColdBrew'],
            cta: 'Shop the beans',
            ...(network === 'bluesky' && index === 1 ? { thread: [THREAD_PART] } : {}),
          },
        ]),
      ),
    })),
  });
}

beforeAll(async () => {
  // The fakes run in this process; Plume (a child process) reaches them over loopback.
  ollama = await startOllamaFake({ answer });
  mastodon = await startMastodonFake();
  bluesky = await startBlueskyFake();
  plume = await startPlume({ HTTP_ALLOW_PRIVATE_HOSTS: '127.0.0.1', OLLAMA_URL: ollama.url });
  ({ browser, close: closeBrowser } = await launchBrowser());
});

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await closeBrowser?.();
  await plume?.stop();
  await Promise.all([ollama?.close(), mastodon?.close(), bluesky?.close()]);
});

async function step<T>(page: Page, name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const file = await saveScreenshot(page, `content-studio-${name}`);
    throw new Error(
      `Step "${name}" failed (screenshot: ${file}): ${(error as Error).message}\n${plume.output().slice(-2000)}`,
    );
  }
}

type ApiPost = {
  id: string;
  state: string;
  targets: { accountId: string; network: string; override: { text?: string; hashtags?: string[] } }[];
};

it('brand profile → Write with AI for Mastodon and Bluesky → scores → rewrite → use a variant → the post holds its texts', async () => {
  context = await browser.newContext({ baseURL: plume.baseUrl, viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  const workspaceId = await step(page, 'workspace', () =>
    signUpAndCreateWorkspace(
      page,
      { name: 'Ada Admin', email: 'ada@example.test', password: 'correct-horse-battery' },
      'Acme Coffee',
    ),
  );

  await step(page, 'models', async () => {
    await nav(page, 'Models');
    await page.getByRole('heading', { name: 'Models', level: 1 }).waitFor();
    await page.getByRole('table', { name: 'Providers' }).getByText('Reachable').first().waitFor();
    await page.getByRole('table', { name: 'Installed models' }).getByText('llama3.2:3b').first().waitFor();
    await page.getByText('No calls yet').waitFor();
    // Ada signed up first, so she is the instance admin: she may pull models. Too big is refused with the reason.
    const pull = page.getByRole('form', { name: 'Pull a model' });
    await pull.getByLabel('Model to pull').fill('llama3.1:405b');
    await pull.getByRole('button', { name: 'Pull model' }).click();
    await page
      .getByRole('alert')
      .getByText(/force|memory/i)
      .first()
      .waitFor();
    await page.getByRole('button', { name: 'Pull anyway' }).waitFor();
    // A small one downloads with live progress (Server-Sent Events) and joins the installed models.
    await pull.getByLabel('Model to pull').fill('gemma2:2b');
    await pull.getByRole('button', { name: 'Pull model' }).click();
    await page.getByText('Installed.').waitFor({ timeout: 60_000 });
    expect(await page.getByRole('progressbar', { name: 'Downloading gemma2:2b' }).getAttribute('aria-valuenow')).toBe(
      '100',
    );
    await page
      .getByRole('table', { name: 'Installed models' })
      .getByRole('button', { name: 'Delete gemma2:2b' })
      .waitFor();
    await saveScreenshot(page, 'content-studio-1-models');
  });

  await step(page, 'brand', async () => {
    await nav(page, 'Brand');
    await page.getByLabel('Industry').fill('Specialty coffee');
    await page.getByLabel('Audience').fill('Home baristas in Europe');
    // No tone words yet: the API's problem lands at the field.
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.locator('input[name="tone"][aria-invalid="true"]').waitFor();
    await page.getByLabel('Tone words').fill('warm, expert');
    await page.getByLabel('Topics', { exact: true }).fill('cold brew\nespresso');
    await page.getByLabel('Language').fill('en');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();
    await page.getByRole('button', { name: 'Preview this voice' }).click();
    const sample = page.getByRole('figure', { name: 'Voice sample' });
    await sample.getByText(/cold brew is smoother/).waitFor({ timeout: 60_000 });
    await sample.getByText(/Quality \d+ \/ 100/).waitFor();
    await saveScreenshot(page, 'content-studio-2-brand');
  });
  await step(page, 'templates', async () => {
    // Ada is the owner: she may change a post template. A typo'd placeholder is refused at the field.
    const review = page.getByRole('list', { name: 'Post templates' }).getByRole('listitem', { name: 'Review' });
    await review.getByRole('button', { name: 'Edit the Review template' }).click();
    const editor = review.getByRole('form', { name: 'Edit the Review template' });
    const skeleton = editor.getByLabel('Prompt skeleton');
    await skeleton.fill('Write an honest review of {{product}} for {{reader}}.');
    await editor.getByRole('button', { name: 'Save template' }).click();
    await editor.locator('textarea[name="skeleton"][aria-invalid="true"]').waitFor();
    const errorId =
      (await skeleton.getAttribute('aria-describedby'))?.split(' ').find((id) => id.endsWith('-error')) ?? '';
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toMatch(/\{\{reader\}\} is not a placeholder/);
    await skeleton.fill('Write an honest review of {{product}} for {{audience}}.');
    await editor.getByRole('button', { name: 'Save template' }).click();
    await review.getByRole('status').getByText('Template saved.').waitFor();
    await review.getByText('Changed for this workspace').waitFor();
    await saveScreenshot(page, 'content-studio-2b-templates');
    const saved = (await (await page.request.get(`/api/v1/workspaces/${workspaceId}/content-templates`)).json()) as {
      items: { contentType: string; skeleton: string; isOverridden: boolean }[];
    };
    expect(saved.items.find((item) => item.contentType === 'review')).toMatchObject({
      isOverridden: true,
      skeleton: 'Write an honest review of {{product}} for {{audience}}.',
    });
    await review.getByRole('button', { name: 'Reset to built-in for Review' }).click();
    await review.getByText('Built-in', { exact: true }).waitFor();
    await review.getByText(/Name at least one strength and one weakness/).waitFor();
  });
  const profile = await page.request.get(`/api/v1/workspaces/${workspaceId}/brand-profile`);
  expect(((await profile.json()) as { profile: { brand: { industry: string } } }).profile.brand.industry).toBe(
    'Specialty coffee',
  );

  await step(page, 'connect', async () => {
    await nav(page, 'Accounts');
    await page.getByRole('button', { name: 'Connect Mastodon' }).click();
    await page.getByLabel('Server').fill(mastodon.instanceUrl);
    await page.getByRole('button', { name: 'Continue to sign in' }).click();
    await page.waitForURL(/\/w\/[\w-]+\/accounts\?connected=/);
    await page.getByRole('button', { name: 'Connect Bluesky' }).click();
    const form = page.getByRole('form', { name: 'Connect Bluesky' });
    await form.getByLabel('Handle').fill('alice.test');
    await form.getByLabel('Password').fill('app-pass-1234');
    await form.getByLabel('Server').fill(bluesky.url);
    await form.getByRole('button', { name: 'Connect Bluesky' }).click();
    await page.getByRole('table', { name: 'Connected accounts' }).getByText('alice.test', { exact: true }).waitFor();
  });

  const accounts = (await (await page.request.get(`/api/v1/workspaces/${workspaceId}/accounts`)).json()) as {
    items: { id: string; network: string }[];
  };
  expect(accounts.items.map((account) => account.network).sort()).toEqual(['bluesky', 'mastodon']);

  const postId = await step(page, 'write-with-ai', async () => {
    await nav(page, 'Posts');
    await page.getByRole('link', { name: 'New post' }).click();
    await page.getByRole('checkbox', { name: /Mastodon · / }).check();
    await page.getByRole('checkbox', { name: /Bluesky · / }).check();
    await page.getByRole('button', { name: 'Write with AI' }).click();
    const writer = page.getByRole('form', { name: 'Write with AI' });
    await writer.getByLabel('Topic').fill('Cold brew at home');
    await writer.getByLabel('Key points').fill('Smoother than iced coffee\nSteep overnight');
    await writer.getByLabel('Variants').selectOption('2');
    await writer.getByRole('button', { name: 'Generate' }).click();
    const variants = page.getByRole('list', { name: 'Variants' });
    const first = variants.getByRole('listitem', { name: 'Variant 1' });
    await first.getByText(postText('mastodon', 1)).waitFor({ timeout: 60_000 });
    await first.getByText(postText('bluesky', 1)).waitFor();
    await variants.getByRole('listitem', { name: 'Variant 2' }).getByText(postText('bluesky', 2)).waitFor();
    const blueskyCard = first.getByRole('region', { name: 'Bluesky text' });
    await blueskyCard.getByText(/^\d+ \/ 300$/).waitFor();
    await blueskyCard.getByRole('button', { name: /Quality \d+ \/ 100/ }).click();
    await blueskyCard.getByText(/Voice match 80 %: .*on voice/).waitFor();
    await saveScreenshot(page, 'content-studio-3-variants');
    await blueskyCard
      .getByRole('group', { name: 'Rewrite the Bluesky text' })
      .getByRole('button', { name: 'Shorter' })
      .click();
    await blueskyCard.getByText(REWRITTEN).waitFor({ timeout: 60_000 });
    // The history lists both revisions in order; going back shows the pre-rewrite text, and forward again the rewrite.
    const shownText = (text: string) => blueskyCard.getByTestId('ai-text').filter({ hasText: text }).waitFor();
    await blueskyCard.getByRole('button', { name: 'History of the Bluesky text' }).click();
    const history = blueskyCard.getByRole('list', { name: 'Bluesky history' }).getByRole('listitem');
    await history.nth(1).getByText('2. Rewrite: shorter').waitFor();
    expect(await history.count()).toBe(2);
    await history
      .nth(0)
      .getByRole('button', { name: /Use this version/ })
      .click();
    await shownText(postText('bluesky', 1));
    expect(await history.nth(0).getAttribute('aria-current')).toBe('true');
    await saveScreenshot(page, 'content-studio-3b-history');
    await history
      .nth(1)
      .getByRole('button', { name: /Use this version/ })
      .click();
    await shownText(REWRITTEN);
    // Variant 2: the Bluesky thread part is listed; the Mastodon text is edited by hand into a new revision.
    const second = variants.getByRole('listitem', { name: 'Variant 2' });
    await second.getByRole('list', { name: 'Bluesky thread parts' }).getByText(THREAD_PART).waitFor();
    const mastodonCard = second.getByRole('region', { name: 'Mastodon text' });
    await mastodonCard.getByRole('button', { name: 'Edit the Mastodon text' }).click();
    await mastodonCard.getByLabel('Your Mastodon text').fill(EDITED);
    await mastodonCard.getByRole('button', { name: 'Save edit of the Mastodon text' }).click();
    await mastodonCard.getByTestId('ai-text').filter({ hasText: EDITED }).waitFor({ timeout: 30_000 });
    await mastodonCard.getByText(/^\d+ \/ 500 · Edited$/).waitFor();
    await mastodonCard.getByRole('button', { name: 'History of the Mastodon text' }).click();
    await mastodonCard.getByRole('list', { name: 'Mastodon history' }).getByText('2. Edited by hand').waitFor();
    await saveScreenshot(page, 'content-studio-3c-edit');
    await page.getByRole('region', { name: 'Recent drafts' }).getByText('Cold brew at home').waitFor();
    await first.getByRole('button', { name: 'Use this variant 1' }).click();
    await page.waitForURL(/\/posts\/[0-9a-f-]{36}$/);
    await saveScreenshot(page, 'content-studio-4-post');
    return new URL(page.url()).pathname.split('/').pop() ?? '';
  });

  const post = (await (await page.request.get(`/api/v1/workspaces/${workspaceId}/posts/${postId}`)).json()) as ApiPost;
  expect(post.state).toBe('draft');
  const textOf = (network: string) => post.targets.find((target) => target.network === network)?.override.text;
  expect(textOf('mastodon')).toBe(postText('mastodon', 1));
  expect(textOf('bluesky')).toBe(REWRITTEN);

  await step(page, 'usage', async () => {
    await nav(page, 'Models');
    await page.getByRole('table', { name: 'Usage per model and task' }).getByText('llama3.2:3b').first().waitFor();
  });
});
