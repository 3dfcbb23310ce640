import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { recordedAgentAnswer } from '@plume/testing/fakes/llm/agent-answers';
import { startOllamaFake, type OllamaFake } from '@plume/testing/fakes/llm/ollama-fake';
import { echoAnswer } from '@plume/testing/fakes/llm/ollama-fake-answers';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import { startPlume, type RunningPlume } from './support/start-plume.ts';
import { nav, signUpAndCreateWorkspace } from './support/workspace-steps.ts';

let ollama: OllamaFake;
let plume: RunningPlume;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let context: BrowserContext | undefined;

beforeAll(async () => {
  // The fake model answers the agents with recorded answers; Plume (API + worker) reaches it over loopback.
  ollama = await startOllamaFake({ answer: recordedAgentAnswer(echoAnswer) });
  plume = await startPlume({ HTTP_ALLOW_PRIVATE_HOSTS: '127.0.0.1', OLLAMA_URL: ollama.url });
  ({ browser, close: closeBrowser } = await launchBrowser());
});

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await closeBrowser?.();
  await plume?.stop();
  await ollama?.close();
});

async function step<T>(page: Page, name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const file = await saveScreenshot(page, `agents-${name}`);
    throw new Error(
      `Step "${name}" failed (screenshot: ${file}): ${(error as Error).message}\n${plume.output().slice(-2000)}`,
    );
  }
}

it('starts an Intelligence + Strategy run, watches its steps live and reads the proposal', async () => {
  context = await browser.newContext({ baseURL: plume.baseUrl, viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  await step(page, 'workspace', () =>
    signUpAndCreateWorkspace(
      page,
      { name: 'Bea Baker', email: 'bea@example.test', password: 'correct-horse-battery' },
      'Crumb Bakery',
    ),
  );

  await step(page, 'empty', async () => {
    await nav(page, 'Agents');
    await page.getByRole('heading', { name: 'Agents', level: 1 }).waitFor();
    await page.getByText('No agent run yet').waitFor();
  });

  await step(page, 'start', async () => {
    const form = page.getByRole('form', { name: 'Start an agent run' });
    await form.getByLabel('First month').fill('2027-01');
    await form.getByLabel('Months').selectOption('2');
    // Shares that do not add up are refused at the field, before anything is sent.
    await form.getByLabel('Content pillars').fill('Daily bakes, 50\nBehind the counter, 30');
    await form.getByRole('button', { name: 'Start run' }).click();
    await page.getByText('The shares add up to 80; make them add up to 100.').waitFor();
    await form.getByLabel('Content pillars').fill('Daily bakes, 50\nBehind the counter, 30\nOffers, 20');
    await form.getByLabel('Goals').fill('More walk-ins on weekdays');
    // Slow answers, so the steps are seen running.
    ollama.delayFirstByte(1200, { path: '/api/chat', times: 2 });
    await form.getByRole('button', { name: 'Start run' }).click();
    await page.getByRole('heading', { name: 'Intelligence + Strategy', level: 1 }).waitFor();
  });

  await step(page, 'live', async () => {
    await page.getByText('Running…').first().waitFor({ timeout: 30_000 });
    await page.getByRole('status').getByText('Done').waitFor({ timeout: 60_000 });
    const bar = page.getByRole('progressbar', { name: 'Steps done' });
    expect(await bar.getAttribute('aria-valuetext')).toBe('3 of 3 steps');
    const rows = page.getByRole('table', { name: 'Steps of the run' }).locator('tbody tr');
    expect(await rows.count()).toBe(3);
    await rows.nth(2).getByText('ollama · llama3.2:3b').waitFor();
    await saveScreenshot(page, 'agents-1-run');
  });

  await step(page, 'output', async () => {
    await page.getByText('Posts with a photo of the day’s bake').waitFor();
    const january = page.getByRole('region', { name: 'January 2027' });
    await january.getByRole('list', { name: 'Pillar mix' }).getByText('Daily bakes: 34 %').waitFor();
    await page.getByRole('region', { name: 'February 2027' }).waitFor();
    const kpis = page.getByRole('region', { name: 'KPI targets' });
    await kpis.getByText('Engagement rate').waitFor();
    await kpis.getByText('4.5 %').waitFor();
    // Applying needs a strategy: this workspace skipped the wizard, and the panel says so.
    await page.getByText('This workspace has no strategy yet').waitFor();
    await saveScreenshot(page, 'agents-2-proposal');
  });

  await step(page, 'list', async () => {
    await page.getByRole('link', { name: '← All agent runs' }).click();
    const list = page.getByRole('list', { name: 'Agent runs' });
    await list.getByRole('link', { name: 'Intelligence + Strategy' }).waitFor();
    await list.getByText('3 of 3 steps').waitFor();
  });

  await step(page, 'learning', async () => {
    const form = page.getByRole('form', { name: 'Start an agent run' });
    await form.getByLabel('What to run').selectOption('learning');
    await form.getByLabel('Week starting (a Monday)').fill('2026-11-24');
    await form.getByRole('button', { name: 'Start run' }).click();
    await page.getByText('Give the Monday of the week, as YYYY-MM-DD.').first().waitFor();
    await form.getByLabel('Week starting (a Monday)').fill('2026-11-23');
    await form.getByRole('button', { name: 'Start run' }).click();
    await page.getByRole('heading', { name: 'Learning (weekly retrospective)', level: 1 }).waitFor();
    await page.getByRole('status').getByText('Done').waitFor({ timeout: 60_000 });
    await page.getByText('Nothing published in the week of 23 November 2026 yet').waitFor();
    await saveScreenshot(page, 'agents-3-learning-empty');
  });
});
