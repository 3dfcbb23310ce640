import type { Page } from 'playwright-core';

/** Signs a new person up, signs in and creates a brand workspace; answers the workspace id. */
export async function signUpAndCreateWorkspace(
  page: Page,
  person: { name: string; email: string; password: string },
  workspaceName: string,
): Promise<string> {
  await page.goto('/sign-up');
  await page.getByLabel('Name').fill(person.name);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: 'Check your email' }).waitFor();
  await page.goto('/sign-in');
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password').fill(person.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(/\/workspaces\/new/);
  await page.getByLabel('Workspace name').fill(workspaceName);
  await page.getByRole('radio', { name: 'Brand' }).check();
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await skipOnboarding(page);
  return new URL(page.url()).pathname.split('/')[2] ?? '';
}

/** After creating a workspace its setup wizard opens: skip it to land on the dashboard. */
export async function skipOnboarding(page: Page): Promise<void> {
  await page.waitForURL(/\/w\/[\w-]+\/onboarding$/);
  await page.getByRole('link', { name: 'Skip for now' }).click();
  await page.waitForURL(/\/w\/[\w-]+$/);
}

/** Clicks a link of the main navigation by its exact name. */
export async function nav(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
}

/** `YYYY-MM-DD HH:mm` of an instant on the wall clock of `timeZone`. */
export function wallClock(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(instant);
}
