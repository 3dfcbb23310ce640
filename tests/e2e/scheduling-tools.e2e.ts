import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { pausePublishing } from '@plume/core/publishing/publishing-pause';
import { closeDatabase, createDatabase } from '@plume/db/client';
import { measuredPosts } from '@plume/db/schema/analytics';
import { startMastodonFake, type MastodonFake } from '@plume/testing/fakes/mastodon/mastodon-fake';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import { startPlume, type RunningPlume } from './support/start-plume.ts';
import { nav, signUpAndCreateWorkspace, wallClock } from './support/workspace-steps.ts';

// Posting times and CSV times are read on the workspace clock (Paris) while the server runs in UTC.
const timeZone = 'Europe/Paris';
const day = 86_400_000;

let fake: MastodonFake;
let plume: RunningPlume;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let context: BrowserContext | undefined;

beforeAll(async () => {
  fake = await startMastodonFake();
  plume = await startPlume({ HTTP_ALLOW_PRIVATE_HOSTS: '127.0.0.1' });
  ({ browser, close: closeBrowser } = await launchBrowser());
});

afterAll(async () => {
  await context?.close().catch(() => undefined);
  await closeBrowser?.();
  await plume?.stop();
  await fake?.close();
});

type ApiPost = {
  id: string;
  state: string;
  scheduledAt: string | null;
  content: { text: string };
  targets: { state: string; failureKind: string | null }[];
};

async function step<T>(page: Page, name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const file = await saveScreenshot(page, `scheduling-${name}`);
    throw new Error(
      `Step "${name}" failed (screenshot: ${file}): ${(error as Error).message}\n${plume.output().slice(-2000)}`,
    );
  }
}

async function getJson<T>(page: Page, path: string): Promise<T> {
  const response = await page.request.get(`/api/v1${path}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as T;
}

async function seedMeasuredPosts(workspaceId: string, accountId: string, count: number): Promise<void> {
  const db = createDatabase(plume.databaseUrl, { poolSize: 1 });
  try {
    await db.insert(measuredPosts).values(
      Array.from({ length: count }, (_, i) => ({
        workspaceId,
        accountId,
        network: 'mastodon' as const,
        remoteId: `seeded-${i}`,
        source: 'backfill' as const,
        publishedAt: new Date(Date.now() - (2 + i) * day),
        text: `Roasting notes, day ${i}`,
        engagements: 40 + ((i * 17) % 60),
      })),
    );
  } finally {
    await closeDatabase(db);
  }
}

async function connectMastodon(page: Page): Promise<void> {
  await nav(page, 'Accounts');
  await page.getByRole('button', { name: 'Connect Mastodon' }).click();
  await page.getByLabel('Server').fill(fake.instanceUrl);
  await page.getByRole('button', { name: 'Continue to sign in' }).click();
  await page.waitForURL(/\/w\/[\w-]+\/accounts\?connected=/);
  await page.getByRole('table', { name: 'Connected accounts' }).getByText('Connected', { exact: true }).waitFor();
}

it('posting times → next free slot; CSV check shows row errors, then imports; unconfirmed posts resolved together; a partly published thread warns; a paused server resumed', async () => {
  context = await browser.newContext({
    baseURL: plume.baseUrl,
    viewport: { width: 1280, height: 900 },
    timezoneId: timeZone,
  });
  const page = await context.newPage();
  const workspaceId = await step(page, 'workspace', () =>
    signUpAndCreateWorkspace(
      page,
      { name: 'Sam Scheduler', email: 'sam@example.test', password: 'correct-horse-battery' },
      'Acme Roasters',
    ),
  );
  const ws = `/workspaces/${workspaceId}`;
  await step(page, 'connect', () => connectMastodon(page));
  const [account] = (await getJson<{ items: { id: string }[] }>(page, `${ws}/accounts`)).items;
  const accountId = account?.id ?? '';
  // 30 measured posts (as the metrics worker leaves them): enough for a range, too few to move the next slot.
  await seedMeasuredPosts(workspaceId, accountId, 30);

  await step(page, 'composer-no-slots', async () => {
    await nav(page, 'Posts');
    await page.getByRole('link', { name: 'New post' }).click();
    await page.getByRole('checkbox', { name: /Mastodon · @?plume/ }).check();
    await page.getByLabel('Text', { exact: true }).fill('Fresh beans from the roastery this morning');
    await page
      .getByRole('list', { name: 'Expected engagement' })
      .getByText(/Expected \d+–\d+ engagements/)
      .waitFor();
    await page.getByText('based on 30 posts').waitFor();
    await page.getByRole('list', { name: /Best times for/ }).waitFor();
    await saveScreenshot(page, 'scheduling-0-expected-engagement');
    await page.getByRole('button', { name: 'Next free slot' }).click();
    await page
      .getByRole('alert')
      .getByText(/set posting times for this account first/)
      .waitFor();
  });

  await step(page, 'slots', async () => {
    await nav(page, 'Accounts');
    await page.getByText(/Posting times for Mastodon @?plume/).click();
    await page.getByText('No posting times yet.').waitFor();
    await page.getByLabel('Day', { exact: true }).selectOption({ label: 'Every day' });
    await page.getByLabel('Time', { exact: true }).fill('09:00');
    await page.getByRole('button', { name: /^Add time/ }).click();
    await page.getByLabel('Day', { exact: true }).selectOption({ label: 'Monday to Friday' });
    await page.getByLabel('Time', { exact: true }).fill('18:30');
    await page.getByRole('button', { name: /^Add time/ }).click();
    await page.getByRole('button', { name: 'Remove Sunday 09:00' }).click();
    await page.getByRole('button', { name: /^Save posting times/ }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();
    await saveScreenshot(page, 'scheduling-1-posting-times');
  });
  const slots = await getJson<{ slots: { weekday: number; time: string }[] }>(
    page,
    `${ws}/accounts/${accountId}/slots`,
  );
  expect(slots.slots).toHaveLength(11);
  expect(slots.slots).not.toContainEqual({ weekday: 0, time: '09:00' });
  expect(slots.slots).toContainEqual({ weekday: 5, time: '18:30' });

  const inThreeDays = wallClock(new Date(Date.now() + 3 * day), timeZone).slice(0, 10);
  await step(page, 'import-check', async () => {
    await nav(page, 'Posts');
    await page.getByRole('link', { name: 'Import CSV' }).click();
    await page.getByRole('heading', { name: 'Import posts' }).waitFor();
    const bad = `text,accounts,scheduled_at,submit\n"Roast day, part 1",${accountId},2020-01-01 09:00,true\nSecond,not-an-account,${inThreeDays} 10:00,true\n`;
    await page
      .getByLabel('CSV file')
      .setInputFiles({ name: 'posts.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await expect.poll(() => page.getByLabel('CSV text').inputValue()).toBe(bad);
    await page.getByRole('button', { name: 'Check' }).click();
    const report = page.getByRole('table', { name: 'Import report' });
    await report.getByText('scheduled_at').waitFor();
    await report
      .getByText(/accounts/)
      .first()
      .waitFor();
    await page.getByText('2 of 2 rows have errors').waitFor();
    expect(await page.getByRole('button', { name: /^Import/ }).isDisabled()).toBe(true);
    await saveScreenshot(page, 'scheduling-2-import-errors');
  });

  await step(page, 'import', async () => {
    const good = `text,accounts,scheduled_at,hashtags,submit\n"Roast day, part 1",${accountId},${inThreeDays} 10:00,coffee,true\nCupping at noon,${accountId},${inThreeDays} 12:00,,true\n`;
    await page.getByLabel('CSV text').fill(good);
    await page.getByRole('button', { name: 'Check' }).click();
    await page.getByText('All 2 rows are good.').waitFor();
    await saveScreenshot(page, 'scheduling-3-import-checked');
    await page.getByRole('button', { name: 'Import 2 posts' }).click();
    await page.getByRole('status').getByText('Imported 2 posts.').waitFor();
  });
  const posts = (await getJson<{ items: ApiPost[] }>(page, `${ws}/posts`)).items;
  const roast = posts.find((post) => post.content.text.startsWith('Roast day, part 1'));
  expect(posts).toHaveLength(2);
  expect(roast?.state).toBe('scheduled');
  expect(wallClock(new Date(roast?.scheduledAt ?? ''), timeZone)).toBe(`${inThreeDays} 10:00`);

  await step(page, 'next-slot', async () => {
    await page.getByRole('link', { name: 'See them in Posts' }).click();
    await page.getByRole('link', { name: 'Roast day, part 1' }).click();
    await page.getByRole('heading', { name: 'History' }).waitFor();
    const moved = page.waitForResponse((response) => response.url().endsWith(`/posts/${roast?.id}/actions`));
    await page.getByRole('button', { name: 'Next free slot' }).click();
    expect((await moved).status()).toBe(200);
  });
  const slotted = await getJson<ApiPost>(page, `${ws}/posts/${roast?.id}`);
  const local = new Date(slotted.scheduledAt ?? '');
  // The first free slot after now: 09:00 any day but Sunday, or 18:30 on a weekday — within two days.
  expect(['09:00', '18:30']).toContain(wallClock(local, timeZone).slice(11));
  expect(local.getTime()).toBeGreaterThan(Date.now());
  expect(local.getTime() - Date.now()).toBeLessThan(2 * day);
  expect(slotted.state).toBe('scheduled');

  await step(page, 'unconfirmed-bulk', async () => {
    // Two posts whose connection drops before the server takes them: Plume cannot tell, so both are unconfirmed.
    const isStatus = (request: { path: string }) => request.path === '/api/v1/statuses';
    fake.server.dropNext({ match: isStatus, handle: false });
    fake.server.dropNext({ match: isStatus, handle: false });
    const ids: string[] = [];
    for (const text of ['Lost espresso note', 'Lost filter note']) {
      const created = await page.request.post(`/api/v1${ws}/posts`, {
        data: { content: { text }, targets: [{ accountId }], scheduledAt: new Date().toISOString(), submit: true },
        headers: { origin: new URL(page.url()).origin },
      });
      expect(created.status()).toBe(201);
      ids.push(((await created.json()) as { id: string }).id);
    }
    const states = async () =>
      Promise.all(ids.map(async (id) => (await getJson<ApiPost>(page, `${ws}/posts/${id}`)).state));
    await expect.poll(states, { timeout: 45_000 }).toEqual(['unconfirmed', 'unconfirmed']);
    await nav(page, 'Posts');
    await page.getByRole('note', { name: 'Unconfirmed posts' }).getByText('2 posts need checking').waitFor();
    await page.getByRole('button', { name: 'Resolve unconfirmed posts' }).click();
    await page.getByRole('checkbox', { name: 'Select all unconfirmed posts' }).check();
    await page.getByText('2 selected').waitFor();
    await saveScreenshot(page, 'scheduling-4-unconfirmed');
    const resolved = page.waitForResponse((response) => response.url().endsWith('/posts/resolve-unconfirmed'));
    await page.getByRole('button', { name: 'Not published — publish now' }).click();
    expect((await resolved).status()).toBe(200);
    await page.getByRole('status').getByText('2 posts going out now.').waitFor();
    await page.getByText('No unconfirmed posts').waitFor();
    await expect.poll(states, { timeout: 45_000 }).toEqual(['published', 'published']);
    const statuses = [...fake.state.statuses.values()];
    expect(statuses.filter((status) => status.text === 'Lost espresso note')).toHaveLength(1);
    expect(statuses.filter((status) => status.text === 'Lost filter note')).toHaveLength(1);
  });

  await step(page, 'partly-published', async () => {
    const created = await page.request.post(`/api/v1${ws}/posts`, {
      data: {
        content: {
          text: 'Short opener',
          thread: [{ text: 'A second part that is too long for the server right now', mediaIds: [] }],
        },
        targets: [{ accountId }],
        submit: true,
      },
      headers: { origin: new URL(page.url()).origin },
    });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    // The server now refuses long statuses: the opener goes out, the reply does not.
    fake.state.maxCharacters = 20;
    await page.goto(`/w/${workspaceId}/posts/${id}`);
    await page.getByRole('button', { name: 'Publish now' }).click();
    await page.getByRole('note', { name: 'Warning' }).waitFor({ timeout: 45_000 });
    await page.getByRole('link', { name: new RegExp(`^${fake.instanceUrl}/@plume/\\d+$`) }).waitFor();
    await saveScreenshot(page, 'scheduling-5-partly-published');
    const post = await getJson<ApiPost>(page, `${ws}/posts/${id}`);
    expect(post.targets[0]).toMatchObject({ state: 'published', failureKind: 'partly_published' });
  });

  await step(page, 'named-approvers', async () => {
    await nav(page, 'Settings');
    await page.getByRole('radio', { name: 'Named members approve' }).check();
    await page.getByRole('button', { name: 'Save approval' }).click();
    await page.getByText('Choose at least one approver.').waitFor();
    await page.getByRole('group', { name: 'Approvers' }).getByRole('checkbox', { name: 'Sam Scheduler' }).check();
    await page.getByRole('button', { name: 'Save approval' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();
    await saveScreenshot(page, 'scheduling-6-named-approvers');
  });
  const me = await getJson<{ id: string }>(page, '/me');
  expect(await getJson(page, `${ws}/publishing-settings`)).toEqual({ approvalMode: 'specific', approverIds: [me.id] });

  await step(page, 'paused-banner', async () => {
    // As `plume restore` leaves a copy: paused until the instance admin (Sam signed up first) resumes it.
    const db = createDatabase(plume.databaseUrl, { poolSize: 1 });
    await pausePublishing(db, { reason: 'This instance was restored from a backup.', by: 'plume restore' }).finally(
      () => closeDatabase(db),
    );
    await page.reload();
    const banner = page.getByRole('region', { name: 'Publishing paused' });
    await banner.getByText('This instance was restored from a backup.').waitFor();
    await saveScreenshot(page, 'scheduling-7-publishing-paused');
    await banner.getByRole('button', { name: 'Resume publishing' }).click();
    await banner.waitFor({ state: 'detached' });
  });
  expect(await getJson(page, '/instance/publishing')).toMatchObject({ paused: false, changedBy: 'Sam Scheduler' });
});
