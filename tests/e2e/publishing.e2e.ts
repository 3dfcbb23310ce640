import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { closeDatabase, createDatabase } from '@plume/db/client';
import { startMastodonFake, type MastodonFake } from '@plume/testing/fakes/mastodon/mastodon-fake';
import { seedFollowers, seedMeasuredPost } from '@plume/testing/seed-analytics';
import { launchBrowser, saveScreenshot } from './support/browser.ts';
import { startPlume, type RunningPlume } from './support/start-plume.ts';
import { skipOnboarding } from './support/workspace-steps.ts';

// The workspace (and so the calendar and composer) works in a zone other than the server's UTC, chosen so
// that the post's time (40 minutes from now) falls in the middle of a local day, whenever the suite runs: the
// calendar's day view then shows the post whole, and a drag by a slot stays on that day.
const ZONES = ['Europe/Paris', 'America/New_York', 'America/Los_Angeles', 'Asia/Tokyo', 'Pacific/Auckland'];
const localHourSoon = (zone: string) =>
  Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', hourCycle: 'h23' }).format(
      new Date(Date.now() + 45 * 60_000),
    ),
  );
const timeZone = ZONES.find((zone) => localHourSoon(zone) >= 7 && localHourSoon(zone) <= 20) ?? 'Europe/Paris';
const password = 'correct-horse-battery';
const minute = 60_000;

let fake: MastodonFake;
let plume: RunningPlume;
let browser: Browser;
let closeBrowser: () => Promise<void>;
let context: BrowserContext | undefined;

beforeAll(async () => {
  // The fake runs in this process; Plume (a child process) reaches it over loopback.
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
  version: number;
  targets: { state: string; remoteUrl: string | null }[];
};

/** `YYYY-MM-DDTHH:mm` of an instant on the wall clock of `timeZone`, as a datetime-local input takes it. */
function wallClock(instant: Date): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  })
    .format(instant)
    .replace(' ', 'T');
}

/** Runs one step; on failure keeps a screenshot and the server's output. */
async function step<T>(page: Page, name: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const file = await saveScreenshot(page, `publishing-${name}`);
    throw new Error(
      `Step "${name}" failed (screenshot: ${file}): ${(error as Error).message}\n${plume.output().slice(-2000)}`,
    );
  }
}

async function signUpAndCreateWorkspace(page: Page): Promise<string> {
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
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await skipOnboarding(page);
  return new URL(page.url()).pathname.split('/')[2] ?? '';
}

async function fetchPost(page: Page, workspaceId: string, postId: string): Promise<ApiPost> {
  const response = await page.request.get(`/api/v1/workspaces/${workspaceId}/posts/${postId}`);
  expect(response.status()).toBe(200);
  return (await response.json()) as ApiPost;
}

async function nav(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
}

/**
 * Drags a calendar event with the mouse, as a person does, by `slots` half-hour slots. A post lasts the
 * calendar's default hour on the grid, so a slot is half the event's height.
 */
async function dragBySlots(page: Page, eventText: string, slots: number): Promise<void> {
  const event = page.locator('.plume-post', { hasText: eventText }).first();
  // In the middle of the window: near its edge, the drag would scroll the page and travel further than meant.
  await event.evaluate((element) => element.scrollIntoView({ block: 'center' }));
  const box = await event.boundingBox();
  if (!box) throw new Error('the event has no box');
  const dy = (box.height / 2) * slots;
  const x = box.x + box.width / 2;
  const y = box.y + Math.min(8, box.height / 2);
  await page.mouse.move(x, y);
  await page.mouse.down();
  // Several small moves: FullCalendar starts a drag only after the pointer travels a few pixels.
  for (let i = 1; i <= 10; i += 1) await page.mouse.move(x, y + (dy * i) / 10);
  await page.mouse.up();
}

it('connect Mastodon → compose → approve → drag on the calendar → publish → see the live link', async () => {
  context = await browser.newContext({
    baseURL: plume.baseUrl,
    viewport: { width: 1280, height: 900 },
    timezoneId: timeZone,
  });
  const page = await context.newPage();
  const workspaceId = await step(page, 'workspace', () => signUpAndCreateWorkspace(page));

  await step(page, 'approval-setting', async () => {
    await nav(page, 'Settings');
    await page.getByRole('radio', { name: 'An admin approves' }).check();
    await page.getByRole('button', { name: 'Save approval' }).click();
    await page.getByRole('status').getByText('Saved.').waitFor();
  });

  await step(page, 'connect', async () => {
    await nav(page, 'Accounts');
    await page.getByText('No accounts connected yet').waitFor();
    await page.getByRole('button', { name: 'Connect Mastodon' }).click();
    await page.getByLabel('Server').fill(fake.instanceUrl);
    // Plume registers itself on the server, then the browser goes through the fake's consent page and back.
    await page.getByRole('button', { name: 'Continue to sign in' }).click();
    await page.waitForURL(/\/w\/[\w-]+\/accounts\?connected=/);
    await page
      .getByRole('status')
      .getByText(/Connected @?plume/)
      .waitFor();
    await page.getByRole('table', { name: 'Connected accounts' }).getByText('Connected', { exact: true }).waitFor();
  });
  expect(fake.state.apps.size).toBe(1);
  await saveScreenshot(page, 'publishing-1-accounts');

  await step(page, 'analytics-empty', async () => {
    await nav(page, 'Analytics');
    await page.getByRole('heading', { name: 'Analytics', level: 1 }).waitFor();
    // Nothing published yet: a real empty state (which one depends on whether Mastodon's manifest lists metrics).
    await page.getByText(/No published posts in this range yet|None of your networks reports metrics yet/).waitFor();
  });

  const firstTime = new Date(Math.ceil((Date.now() + 40 * minute) / minute) * minute);
  const postId = await step(page, 'compose', async () => {
    await nav(page, 'Posts');
    await page.getByRole('link', { name: 'New post' }).click();
    await page.getByLabel('Text').fill('Fresh beans today at https://acme.coffee/beans');
    await page.getByLabel('Hashtags').fill('coffee');
    await page.getByRole('checkbox', { name: /Mastodon · @?plume/ }).check();
    const preview = page.getByRole('article', { name: 'Mastodon preview' });
    await preview.getByText('#coffee').waitFor();
    // Mastodon counts a URL with a known TLD as 23 characters (`.example` would count letter by letter): 21 + 23 + "\n\n#coffee" (9) = 53.
    await page.getByTestId('counter').getByText('Characters: 53 / 500').waitFor();
    await page.getByLabel('Publish at').fill(wallClock(firstTime));
    await saveScreenshot(page, 'publishing-2-composer');
    await page.getByRole('button', { name: 'Submit' }).click();
    await page.waitForURL(/\/posts\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: 'History' }).waitFor();
    return new URL(page.url()).pathname.split('/').pop() ?? '';
  });
  const submitted = await fetchPost(page, workspaceId, postId);
  expect(submitted.state).toBe('in_review');
  expect(new Date(submitted.scheduledAt ?? '').getTime()).toBe(firstTime.getTime());

  await step(page, 'approve', async () => {
    await nav(page, 'Review');
    const item = page
      .getByRole('list', { name: 'Posts in review' })
      .getByRole('listitem')
      .filter({ hasText: 'Fresh beans' });
    await saveScreenshot(page, 'publishing-3-review');
    await item.getByRole('button', { name: 'Approve' }).click();
    await page.getByText('Nothing to review').waitFor();
  });
  expect((await fetchPost(page, workspaceId, postId)).state).toBe('scheduled');

  // One 30-minute slot later (or earlier, near midnight, so the post stays on the same day and in the future).
  const direction = Number(wallClock(firstTime).slice(11, 13)) >= 23 ? -1 : 1;
  await step(page, 'drag', async () => {
    await nav(page, 'Calendar');
    await page.getByRole('heading', { name: 'Calendar', level: 1 }).waitFor();
    await page
      .getByRole('button', { name: /^day/i })
      .or(page.getByRole('tab', { name: /^day/i }))
      .first()
      .click();
    await page.locator('.plume-post', { hasText: 'Fresh beans' }).first().waitFor();
    const saved = page.waitForResponse(
      (response) => response.request().method() === 'PATCH' && response.url().includes(postId),
    );
    const reloaded = page.waitForResponse(
      (response) => response.request().method() === 'GET' && response.url().includes('/posts?'),
    );
    await dragBySlots(page, 'Fresh beans', direction);
    expect((await saved).status()).toBe(200);
    await reloaded;
    await saveScreenshot(page, 'publishing-4-calendar-dragged');
  });
  const moved = await fetchPost(page, workspaceId, postId);
  expect(new Date(moved.scheduledAt ?? '').getTime()).toBe(firstTime.getTime() + direction * 30 * minute);
  expect(moved.state).toBe('scheduled');

  await step(page, 'drag-conflict', async () => {
    // Someone else edits the post meanwhile: the calendar's copy is now stale, so the next drag is refused.
    // From Plume's own page, as another tab would send it (a cookie request without an origin is refused).
    const edit = await page.request.patch(`/api/v1/workspaces/${workspaceId}/posts/${postId}`, {
      headers: { origin: new URL(page.url()).origin },
      data: { version: moved.version, scheduledAt: moved.scheduledAt },
    });
    expect(edit.status()).toBe(200);
    const refused = page.waitForResponse(
      (response) => response.request().method() === 'PATCH' && response.url().includes(postId),
    );
    await dragBySlots(page, 'Fresh beans', -direction);
    expect((await refused).status()).toBe(409);
    await page
      .getByRole('alert')
      .getByText(/Could not move the post: Someone changed this post/)
      .waitFor();
  });
  expect((await fetchPost(page, workspaceId, postId)).scheduledAt).toBe(moved.scheduledAt);

  await step(page, 'publish', async () => {
    await page.locator('.plume-post', { hasText: 'Fresh beans' }).first().click();
    await page.getByRole('heading', { name: 'History' }).waitFor();
    await page.getByRole('button', { name: 'Publish now' }).click();
    const live = page.getByRole('link', { name: new RegExp(`^${fake.instanceUrl}/@plume/\\d+$`) });
    await live.waitFor({ timeout: 60_000 });
    await page.getByText('Published', { exact: true }).first().waitFor();
    await saveScreenshot(page, 'publishing-5-published');
  });
  const published = await fetchPost(page, workspaceId, postId);
  expect(published.state).toBe('published');
  const [status] = [...fake.state.statuses.values()];
  expect(status?.text).toBe('Fresh beans today at https://acme.coffee/beans\n\n#coffee');
  expect(published.targets[0]?.remoteUrl).toBe(`${fake.instanceUrl}/@plume/${status?.id}`);

  await step(page, 'failure-notification', async () => {
    // The next post is refused by the server: the bell counts it live (no reload) and the owner marks it read.
    fake.server.failNext({
      status: 422,
      body: { error: 'Validation failed: Text character limit of 500 exceeded' },
      match: (request) => request.method === 'POST' && request.path === '/api/v1/statuses',
    });
    const origin = { origin: new URL(page.url()).origin };
    const accounts = await page.request.get(`/api/v1/workspaces/${workspaceId}/accounts`);
    const accountId = ((await accounts.json()) as { items: { id: string }[] }).items[0]?.id ?? '';
    const created = await page.request.post(`/api/v1/workspaces/${workspaceId}/posts`, {
      headers: origin,
      data: { content: { text: 'Refused beans' }, targets: [{ accountId }], scheduledAt: new Date().toISOString() },
    });
    expect(created.status()).toBe(201);
    const refusedId = ((await created.json()) as { id: string }).id;
    const submittedRefused = await page.request.post(`/api/v1/workspaces/${workspaceId}/posts/${refusedId}/actions`, {
      headers: origin,
      data: { type: 'submit' },
    });
    expect(submittedRefused.status()).toBe(200);
    if (((await submittedRefused.json()) as ApiPost).state === 'in_review') {
      const approved = await page.request.post(`/api/v1/workspaces/${workspaceId}/posts/${refusedId}/actions`, {
        headers: origin,
        data: { type: 'approve' },
      });
      expect(approved.status()).toBe(200);
    }
    const bell = page.getByRole('button', { name: /^Notifications, 1 unread$/ });
    await bell.waitFor({ timeout: 60_000 });
    await bell.click();
    const panel = page.getByRole('region', { name: 'Notifications' });
    await panel.getByText(/^A post failed on @?plume/).waitFor();
    // The zone as the app labels it (`America/New York`).
    await panel.getByText(timeZone.replaceAll('_', ' ')).first().waitFor();
    await saveScreenshot(page, 'publishing-6-failure-notification');
    await panel.getByRole('button', { name: 'Mark all read' }).click();
    await page.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
  });
  await step(page, 'analytics', () => seeAnalytics(page, workspaceId, postId));
});

/**
 * The snapshot worker's results for the published post (three readings), an older post read back from
 * the account and daily follower counts, written as the worker writes them; then the Analytics page,
 * its top post, followers chart and heatmap, and the post page's curve.
 */
async function seeAnalytics(page: Page, workspaceId: string, postId: string): Promise<void> {
  const db = createDatabase(plume.databaseUrl, { poolSize: 1 });
  try {
    const target = await db.query.postTargets.findFirst({ where: (t, { eq }) => eq(t.postId, postId) });
    if (!target?.publishedAt) throw new Error('the published target has no publish time');
    const base = { workspaceId, accountId: target.accountId, network: target.network };
    await seedMeasuredPost(db, {
      ...base,
      targetId: target.id,
      publishedAt: target.publishedAt,
      text: 'Fresh beans today at https://acme.coffee/beans\n\n#coffee',
      metrics: { likes: 12, reposts: 3, replies: 2 },
      followers: 410,
      snapshots: [
        { offsetMin: 15, metrics: { likes: 2, reposts: 0, replies: 0 } },
        { offsetMin: 60, metrics: { likes: 7, reposts: 1, replies: 1 } },
        { offsetMin: 240, metrics: { likes: 12, reposts: 3, replies: 2 } },
      ],
    });
    await seedMeasuredPost(db, {
      ...base,
      publishedAt: new Date(Date.now() - 3 * 24 * 60 * minute),
      text: 'Our new roast is out',
      metrics: { likes: 1, reposts: 0, replies: 0 },
      followers: 400,
    });
    await seedFollowers(db, {
      ...base,
      readings: [3, 2, 1, 0].map((days) => ({
        takenAt: new Date(Date.now() - days * 24 * 60 * minute),
        followers: 410 - days * 5,
      })),
    });
  } finally {
    await closeDatabase(db);
  }
  await nav(page, 'Analytics');
  // The page read the empty workspace moments ago; a person coming back later gets fresh numbers.
  await page.reload();
  await page.getByRole('heading', { name: 'Analytics', level: 1 }).waitFor();
  await page.getByRole('img', { name: /^Followers over time/ }).waitFor();
  await page.getByRole('img', { name: /^Engagements by account/ }).waitFor();
  const top = page.getByRole('table', { name: 'Top posts' });
  await top.getByRole('link', { name: /Fresh beans today/ }).waitFor();
  expect(await top.getByRole('row').nth(1).textContent()).toContain('17');
  await page.getByRole('table', { name: /Posting heatmap/ }).waitFor();
  await saveScreenshot(page, 'publishing-6-analytics');
  await top.getByRole('link', { name: /Fresh beans today/ }).click();
  await page.getByRole('heading', { name: 'Results' }).waitFor();
  await page.getByRole('img', { name: /^Engagements of Mastodon .* 17 after/ }).waitFor();
  await saveScreenshot(page, 'publishing-7-post-results');
}
