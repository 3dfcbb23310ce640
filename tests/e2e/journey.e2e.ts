import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import { startPlume, type RunningPlume } from './support/start-plume.ts';
import { skipOnboarding } from './support/workspace-steps.ts';

let plume: RunningPlume;
let browser: Browser;
let closeBrowser: () => Promise<void>;
const contexts: BrowserContext[] = [];
const password = 'correct-horse-battery';

beforeAll(async () => {
  plume = await startPlume();
  ({ browser, close: closeBrowser } = await launchBrowser());
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await closeBrowser?.();
  await plume?.stop();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ baseURL: plume.baseUrl, viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  return context.newPage();
}

async function signUp(page: Page, name: string, email: string): Promise<void> {
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: 'Check your email' }).waitFor();
}

async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Runs one step; on failure keeps a screenshot of what the user saw. */
async function step<T>(page: Page, name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const file = await saveScreenshot(page, `journey-${name}`);
    throw new Error(
      `Step "${name}" failed (screenshot: ${file}): ${(error as Error).message}\n${plume.output().slice(-2000)}`,
    );
  }
}

it('register → confirm through the outbox → sign in → create workspace → invite → API key → call the API', async () => {
  const admin = await newPage();
  const member = await newPage();

  // The first account is the instance admin; without SMTP it starts confirmed.
  await step(admin, 'admin-sign-up', () => signUp(admin, 'Ada Admin', 'ada@example.test'));
  await step(admin, 'admin-sign-in', async () => {
    await signIn(admin, 'ada@example.test');
    await admin.waitForURL(/\/workspaces\/new/);
  });

  await step(member, 'member-sign-up', () => signUp(member, 'Bob Member', 'bob@example.test'));
  await step(member, 'member-unverified', async () => {
    await signIn(member, 'bob@example.test');
    await member
      .getByRole('alert')
      .getByText(/not verified/i)
      .waitFor();
  });

  const confirmLink = await step(admin, 'outbox', async () => {
    await admin.getByRole('link', { name: 'Admin outbox' }).click();
    await admin.getByRole('button', { name: 'Confirm your email for Plume' }).first().click();
    const link = admin.getByRole('link', { name: /verify-email/ }).first();
    return link.getAttribute('href');
  });
  expect(confirmLink).toContain('/api/v1/auth/verify-email?token=');

  await step(member, 'member-confirms', async () => {
    await member.goto(confirmLink ?? '');
    await signIn(member, 'bob@example.test');
    await member.waitForURL(/\/workspaces\/new/);
  });

  const workspaceId = await step(admin, 'create-workspace', async () => {
    await admin.goto('/workspaces/new');
    await admin.getByLabel('Workspace name').fill('Acme Coffee');
    await admin.getByRole('radio', { name: 'Brand' }).check();
    await admin.getByRole('button', { name: 'Create workspace' }).click();
    await skipOnboarding(admin);
    await admin.getByRole('heading', { name: 'Getting started' }).waitFor();
    return new URL(admin.url()).pathname.split('/')[2] ?? '';
  });

  await step(admin, 'invite', async () => {
    await admin.getByRole('link', { name: 'Members' }).click();
    await admin.getByLabel('Email').fill('bob@example.test');
    await admin.getByLabel('Role', { exact: true }).selectOption('editor');
    await admin.getByRole('button', { name: 'Send invitation' }).click();
    await admin.getByText('Invitation sent to bob@example.test').waitFor();
  });

  await step(member, 'accept', async () => {
    await member.goto('/');
    await member.getByRole('button', { name: 'Accept invitation to Acme Coffee' }).click();
    await member.waitForURL(new RegExp(`/w/${workspaceId}`));
  });

  const key = await step(admin, 'api-key', async () => {
    await admin.getByRole('link', { name: 'API keys' }).click();
    await admin.getByLabel('Name').fill('Zapier');
    await admin.getByRole('checkbox', { name: 'Write' }).check();
    await admin.getByRole('button', { name: 'Create API key' }).click();
    return admin.getByLabel('API key').inputValue();
  });
  expect(key).toMatch(/^plume_/);

  const response = await fetch(`${plume.baseUrl}/api/v1/workspaces/${workspaceId}/members`, {
    headers: { authorization: `Bearer ${key}` },
  });
  expect(response.status).toBe(200);
  const members = (await response.json()) as { items: Array<{ email: string; role: string }> };
  expect(members.items).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ email: 'ada@example.test', role: 'owner' }),
      expect.objectContaining({ email: 'bob@example.test', role: 'editor' }),
    ]),
  );
  await saveScreenshot(admin, 'journey-done');

  // Weekly reports: the first Monday is promised until an admin generates the last full week now.
  await step(admin, 'weekly-report', async () => {
    await admin.goto(`/w/${workspaceId}`);
    await admin.getByRole('link', { name: 'Weekly reports' }).click();
    await admin.getByText('Your first weekly report arrives on Monday at 08:00').waitFor();
    await admin.getByRole('button', { name: 'Generate now' }).click();
    await admin.waitForURL(new RegExp(`/w/${workspaceId}/reports/weekly/[\\w-]+$`));
    await admin.getByRole('heading', { name: /^Week of Mon, / }).waitFor();
    await admin.getByText(/^Nothing went out in the week of/).waitFor();
    await admin.getByRole('link', { name: 'All weekly reports' }).click();
    await admin
      .getByRole('list', { name: 'Weekly reports' })
      .getByRole('link', { name: /^Week of / })
      .waitFor();
  });

  // The API docs page renders under the default Content-Security-Policy.
  await step(admin, 'api-docs', async () => {
    await admin.goto('/api/v1/docs');
    await admin.getByRole('heading', { name: 'workspaces' }).waitFor();
  });
});
