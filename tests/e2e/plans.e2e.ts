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
const userPrompts: string[] = [];

function systemOf(prompt: FakeOllamaPrompt): string {
  return prompt.system ?? prompt.messages.find((message) => message.role === 'system')?.content ?? '';
}

/** Each draft names the brief it was written for, so the board shows which text is whose. */
function answer(prompt: FakeOllamaPrompt): string {
  const system = systemOf(prompt);
  if (system === VOICE_MATCH_SYSTEM) return '{"score":0.8,"reason":"on voice"}';
  const user = prompt.messages.find((message) => message.role === 'user')?.content ?? '';
  userPrompts.push(user);
  const topic = /Cold brew tip (\w+)/.exec(user)?.[0] ?? 'Cold brew';
  const rewritten = user.includes('rejected') ? 'Brewed at home: ' : '';
  const networks = Array.from(system.matchAll(/"(\w+)": \{ "text"/g), (match) => match[1] ?? '');
  return JSON.stringify({
    variants: [
      {
        perNetwork: Object.fromEntries(
          networks.map((network) => [network, { text: `${rewritten}${topic}: steep it overnight.`, hashtags: [] }]),
        ),
      },
    ],
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
    const file = await saveScreenshot(page, `plans-${name}`);
    throw new Error(
      `Step "${name}" failed (screenshot: ${file}): ${(error as Error).message}\n${plume.output().slice(-2000)}`,
    );
  }
}

const month = `${new Date().getUTCFullYear() + 1}-05`;
const card = (page: Page, tip: string) => page.getByRole('article', { name: new RegExp(`Cold brew tip ${tip}`) });
const cell = (page: Page, day: string) => page.locator(`td[data-network="mastodon"][data-day="${day}"]`);
const dayOf = (page: Page, tip: string) => card(page, tip).locator('xpath=ancestor::td[1]').getAttribute('data-day');
const plusDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

it('plan a month → add briefs → place → drag a brief (and a drop into quiet hours refused) → generate drafts → approve the week with an exception → reject into a replacement in the same slot → pull and replace from the post page', async () => {
  context = await browser.newContext({ baseURL: plume.baseUrl, viewport: { width: 1500, height: 1100 } });
  const page = await context.newPage();
  await step(page, 'workspace', () =>
    signUpAndCreateWorkspace(
      page,
      { name: 'Pia Planner', email: 'pia@example.test', password: 'correct-horse-battery' },
      'Pia Coffee',
    ),
  );
  await step(page, 'connect', async () => {
    await nav(page, 'Accounts');
    await page.getByRole('button', { name: 'Connect Mastodon' }).click();
    await page.getByLabel('Server').fill(mastodon.instanceUrl);
    await page.getByRole('button', { name: 'Continue to sign in' }).click();
    await page.waitForURL(/\/w\/[\w-]+\/accounts\?connected=/);
  });

  await step(page, 'plan', async () => {
    await nav(page, 'Plans');
    await page.getByText('No plan yet').waitFor();
    await page.getByLabel('Month').fill(month);
    await page.getByRole('button', { name: 'Start the plan' }).click();
    await page.getByRole('heading', { name: /^Plan for May/ }).waitFor();
    await page.getByText('No briefs yet: the mix shows once briefs are added.').waitFor();
    await page.getByRole('button', { name: 'Edit themes' }).click();
    const themes = page.getByRole('form', { name: 'Weekly themes' });
    await themes.getByRole('textbox').nth(2).fill('Cold brew season');
    await themes.getByRole('button', { name: 'Save themes' }).click();
    await page.getByText('Cold brew season').waitFor();
  });

  const week = await step(page, 'briefs', async () => {
    const weekButtons = page.getByRole('navigation', { name: 'Weeks' }).getByRole('button');
    await weekButtons.nth(2).click();
    await page.getByText('No briefs this week yet: add one below.').waitFor();
    // A topic too short is refused at its field.
    await page.getByLabel('Pillar', { exact: true }).fill('tips');
    await page.getByLabel('Topic', { exact: true }).fill('x');
    await page.getByRole('button', { name: 'Add the brief' }).click();
    await page.locator('input[aria-invalid="true"]').first().waitFor();
    const days = page.getByLabel('Day', { exact: true });
    for (const [index, tip] of ['one', 'two', 'three'].entries()) {
      const value = await days.locator('option').nth(index).getAttribute('value');
      await days.selectOption(value ?? '');
      await page.getByLabel('Topic', { exact: true }).fill(`Cold brew tip ${tip}`);
      await page.getByRole('button', { name: 'Add the brief' }).click();
      await card(page, tip).waitFor();
    }
    return (await weekButtons.nth(2).textContent()) ?? '';
  });
  expect(week).toMatch(/Week of/);

  const slotOfTwo = await step(page, 'place', async () => {
    await page.getByRole('button', { name: 'Place the week' }).click();
    for (const tip of ['one', 'two', 'three'])
      await card(page, tip)
        .getByText(/^\d\d:\d\d /)
        .waitFor();
    return card(page, 'two')
      .getByText(/^\d\d:\d\d /)
      .textContent();
  });

  await step(page, 'drag', async () => {
    const from = (await dayOf(page, 'three')) ?? '';
    const target = plusDays(from, 2);
    await card(page, 'three').dragTo(cell(page, target));
    const form = page.getByRole('form', { name: 'Move "Cold brew tip three"' });
    // The time picker after the drop is prefilled with the same time on the new day.
    expect(await form.getByLabel(/^Time/).inputValue()).toMatch(/^\d\d:\d\d$/);
    await form.getByRole('button', { name: 'Move' }).click();
    await cell(page, target)
      .getByRole('article', { name: /Cold brew tip three/ })
      .waitFor();
    await card(page, 'three')
      .getByText(/^\d\d:\d\d /)
      .waitFor();
    // Into quiet hours: refused with the rule's words at the card, which goes back to its day.
    await card(page, 'three').dragTo(cell(page, plusDays(target, 1)));
    await form.getByLabel(/^Time/).fill('23:00');
    await form.getByRole('button', { name: 'Move' }).click();
    await card(page, 'three')
      .getByText(/in quiet hours \(22:00/)
      .waitFor();
    expect(await dayOf(page, 'three')).toBe(target);
    await saveScreenshot(page, 'plans-0-moved');
  });

  await step(page, 'edit', async () => {
    await card(page, 'three').getByRole('button', { name: /^Edit/ }).click();
    const form = page.getByRole('form', { name: 'Edit "Cold brew tip three"' });
    await form.getByLabel('Notes for the writer').fill('Mention the glass jar.');
    await form.getByRole('button', { name: 'Save' }).click();
    await card(page, 'three').getByText('Notes: Mention the glass jar.').waitFor();
    // "+" on a day opens Add a brief on that day.
    const target = plusDays((await dayOf(page, 'one')) ?? '', 6);
    await page.getByRole('button', { name: /^Add a brief on Sun/ }).click();
    expect(await page.getByLabel('Day', { exact: true }).inputValue()).toBe(target);
    const topic = page.getByLabel('Topic', { exact: true });
    await expect.poll(() => topic.evaluate((input) => input === document.activeElement)).toBe(true);
  });

  await step(page, 'generate', async () => {
    await page.getByRole('button', { name: 'Generate drafts' }).click();
    await page.getByText('Drafts written: 3 of 3').waitFor({ timeout: 60_000 });
    for (const tip of ['one', 'two', 'three'])
      await card(page, tip).getByText(`Cold brew tip ${tip}: steep it overnight.`).waitFor();
    await saveScreenshot(page, 'plans-1-drafted');
  });
  expect(userPrompts.some((prompt) => prompt.includes('Notes from the planner: Mention the glass jar.'))).toBe(true);

  await step(page, 'approve', async () => {
    await page.getByRole('button', { name: 'Approve week' }).click();
    const dialog = page.getByRole('dialog', { name: /Approve the week/ });
    await dialog.getByRole('checkbox', { name: /Cold brew tip two/ }).uncheck();
    await dialog.getByRole('button', { name: 'Approve 2 posts' }).click();
    await dialog.getByText('2 posts approved, 1 left out.').waitFor();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await card(page, 'one')
      .getByText(/Scheduled/)
      .waitFor();
    await card(page, 'two')
      .getByText(/Draft written/)
      .waitFor();
  });

  await step(page, 'reject', async () => {
    await card(page, 'two').getByRole('button', { name: 'Reject' }).click();
    await card(page, 'two').getByLabel('Why reject it?').fill('Too salesy; talk about brewing at home.');
    await card(page, 'two').getByRole('button', { name: 'Reject and write a replacement' }).click();
    const replacement = card(page, 'two');
    await replacement.getByText('Brewed at home: Cold brew tip two: steep it overnight.').waitFor({ timeout: 60_000 });
    await replacement.getByText(/replacement/).waitFor();
    expect(await replacement.getByText(/^\d\d:\d\d /).textContent()).toBe(slotOfTwo);
    await saveScreenshot(page, 'plans-2-replaced');
  });
  expect(userPrompts.at(-1)).toContain('Too salesy; talk about brewing at home.');

  await step(page, 'pull', async () => {
    await card(page, 'one')
      .getByRole('link', { name: /Open the post/ })
      .click();
    await page.getByRole('heading', { name: 'Post', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Pull and replace' }).click();
    await page.getByLabel('Why pull it?').fill('The café is closed that day.');
    await page.getByRole('button', { name: 'Pull and write a replacement' }).click();
    await page.getByText('Pulled: this post will not go out.').waitFor({ timeout: 60_000 });
    await page.getByRole('link', { name: 'Open the replacement draft' }).click();
    await page.getByText('Brewed at home: Cold brew tip one: steep it overnight.').waitFor();
    await saveScreenshot(page, 'plans-3-pulled');
  });
  expect(userPrompts.at(-1)).toContain('The café is closed that day.');
});
