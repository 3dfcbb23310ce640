import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, createDatabase, type Database } from '@plume/db/client';
import { users } from '@plume/db/schema/auth';
import { mailOutbox } from '@plume/db/schema/platform';
import { notifications } from '@plume/db/schema/notifications';
import { posts, postTargets, publishingSettings } from '@plume/db/schema/publishing';
import { socialAccounts } from '@plume/db/schema/social';
import { members, workspaces } from '@plume/db/schema/workspaces';
import { createTestDatabase, type TestDatabase } from '@plume/testing/test-database';
import { mailQueuedNotifications } from './mail-notification.ts';
import { createNotificationHub } from './notification-hub.ts';
import { updateNotificationPreferences } from './notification-preferences.ts';
import { notifyApprovalRequested, notifyTargetTrouble } from './notify-events.ts';
import { notify } from './notify.ts';
import type { NotificationView } from './query-notifications.ts';
import { countUnread, listNotifications, markAllNotificationsRead } from './query-notifications.ts';

let database: TestDatabase;
let db: Database;
const ws = 'ws-notify';
const appUrl = 'https://plume.example';

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDatabase(database.url, { poolSize: 4 });
  await db.insert(workspaces).values([
    { id: ws, name: 'Bakery', slug: ws },
    { id: 'ws-other', name: 'Other', slug: 'ws-other' },
  ]);
  await db.insert(users).values(
    ['owner', 'admin', 'editor', 'viewer', 'stranger'].map((name) => ({
      id: `u-${name}`,
      name,
      email: `${name}@bakery.test`,
    })),
  );
  await db.insert(members).values([
    { id: 'm1', organizationId: ws, userId: 'u-owner', role: 'owner' },
    { id: 'm2', organizationId: ws, userId: 'u-admin', role: 'admin' },
    { id: 'm3', organizationId: ws, userId: 'u-editor', role: 'editor' },
    { id: 'm4', organizationId: ws, userId: 'u-viewer', role: 'viewer' },
    { id: 'm5', organizationId: 'ws-other', userId: 'u-stranger', role: 'owner' },
  ]);
});
afterAll(async () => {
  await closeDatabase(db);
  await database.drop();
});

const rowsOf = (kind: string) =>
  db
    .select()
    .from(notifications)
    .where(and(eq(notifications.workspaceId, ws), eq(notifications.kind, kind as 'post_failed')))
    .orderBy(notifications.userId);

async function failedTarget(text: string): Promise<string> {
  const [post] = await db
    .insert(posts)
    .values({ workspaceId: ws, content: { text, mediaIds: [], thread: [], hashtags: [] }, createdBy: 'u-editor' })
    .returning();
  const [account] = await db
    .insert(socialAccounts)
    .values({
      workspaceId: ws,
      network: 'mastodon',
      externalId: `ext-${text}`,
      handle: '@bakery@example.test',
      displayName: 'Bakery',
      kind: 'profile',
      tokensCiphertext: 'unused',
    })
    .returning();
  const [target] = await db
    .insert(postTargets)
    .values({
      postId: post!.id,
      workspaceId: ws,
      accountId: account!.id,
      network: 'mastodon',
      state: 'failed',
      attempts: 1,
    })
    .returning();
  return target!.id;
}

describe('notify', () => {
  it('tells owners, admins and the author of a failed post once, in the app and by mail with a link', async () => {
    const targetId = await failedTarget('Fresh bread at nine');
    const input = { targetId, state: 'failed' as const, reason: 'The network refused the text.' };
    await db.transaction((tx) => notifyTargetTrouble(tx, input));
    // The same failure seen again (a job run twice, a sweep) notifies nobody again.
    const again = await db.transaction((tx) => notifyTargetTrouble(tx, input));
    expect(again).toEqual({ notified: [], mailed: [] });

    const rows = await rowsOf('post_failed');
    expect(rows.map((row) => row.userId)).toEqual(['u-admin', 'u-editor', 'u-owner']);
    expect(rows[0]).toMatchObject({
      title: 'A post failed on @bakery@example.test (mastodon)',
      link: expect.stringMatching(new RegExp(`^/w/${ws}/posts/`)),
    });
    expect(rows[0]?.body).toBe(
      '“Fresh bread at nine” was not published on @bakery@example.test (mastodon). The network refused the text.',
    );

    expect(await mailQueuedNotifications({ db, appUrl })).toBe(3);
    const mails = await db.select().from(mailOutbox).where(eq(mailOutbox.to, 'editor@bakery.test'));
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe('Bakery: A post failed on @bakery@example.test (mastodon)');
    expect(mails[0]?.text).toContain(`${appUrl}${rows[0]?.link ?? ''}`);
    expect(mails[0]?.text).toContain(`${appUrl}/profile`);
    // Running the queued mail jobs again sends nothing twice.
    expect(await mailQueuedNotifications({ db, appUrl })).toBe(0);
  });

  it('asks the approvers (not the one who submitted) and follows each person’s channels', async () => {
    await db.insert(publishingSettings).values({ workspaceId: ws, approvalMode: 'any_admin', approverIds: [] });
    await updateNotificationPreferences(db, 'u-admin', [{ kind: 'approval_requested', inApp: false, mail: true }]);
    await updateNotificationPreferences(db, 'u-owner', [{ kind: 'approval_requested', inApp: true, mail: false }]);
    const result = await db.transaction((tx) =>
      notifyApprovalRequested(tx, {
        workspaceId: ws,
        postId: '00000000-0000-4000-8000-000000000001',
        version: 2,
        text: 'Croissants',
        by: { id: 'u-owner', name: 'Owner' },
      }),
    );
    // The owner submitted: only the admin is asked, by mail only (so nothing shows in their list).
    expect(result).toEqual({ notified: [], mailed: ['u-admin'] });
    const rows = await rowsOf('approval_requested');
    expect(rows.map((row) => [row.userId, row.inApp])).toEqual([['u-admin', false]]);
    const adminList = await listNotifications(
      db,
      { userId: 'u-admin', workspaceId: ws },
      { limit: 10, unreadOnly: false },
    );
    expect(adminList.items.map((item) => item.kind)).toEqual(['post_failed']);

    await db
      .update(publishingSettings)
      .set({ approvalMode: 'specific', approverIds: ['u-viewer'] })
      .where(eq(publishingSettings.workspaceId, ws));
    const named = await db.transaction((tx) =>
      notifyApprovalRequested(tx, {
        workspaceId: ws,
        postId: '00000000-0000-4000-8000-000000000001',
        version: 3,
        text: 'Croissants',
        by: { id: 'u-owner', name: 'Owner' },
      }),
    );
    expect(named.notified).toEqual(['u-viewer']);
  });

  it('reaches everyone who kept the weekly report, lists it per person and workspace, and marks it read', async () => {
    await updateNotificationPreferences(db, 'u-viewer', [{ kind: 'weekly_report', inApp: false, mail: false }]);
    const result = await db.transaction((tx) =>
      notify(tx, {
        workspaceId: ws,
        kind: 'weekly_report',
        audience: { type: 'members', minimumRole: 'viewer' },
        title: 'Your week',
        body: '12 posts went out.',
        link: `/w/${ws}`,
        dedupeKey: 'weekly_report:2026-W49',
      }),
    );
    expect(result.notified.sort()).toEqual(['u-admin', 'u-editor', 'u-owner']);
    const owner = { userId: 'u-owner', workspaceId: ws };
    const page = await listNotifications(db, owner, { limit: 1, unreadOnly: true });
    expect(page.items.map((item) => item.kind)).toEqual(['weekly_report']);
    expect(page.nextCursor).not.toBeNull();
    expect(
      await listNotifications(db, { userId: 'u-stranger', workspaceId: ws }, { limit: 10, unreadOnly: false }),
    ).toEqual({
      items: [],
      nextCursor: null,
    });
    expect(await markAllNotificationsRead(db, owner)).toBeGreaterThan(0);
    expect(await countUnread(db, owner)).toBe(0);
  });

  it('delivers a notification committed on another connection to the live subscriber of that person and workspace', async () => {
    const hub = createNotificationHub(db);
    const other = createDatabase(database.url, { poolSize: 1 });
    try {
      const seen: NotificationView[] = [];
      const strangerSeen: NotificationView[] = [];
      let arrived: () => void = () => undefined;
      const arrival = new Promise<void>((resolve) => (arrived = resolve));
      const owner = hub.subscribe({ userId: 'u-owner', workspaceId: ws }, (item) => {
        seen.push(item);
        arrived();
      });
      hub.subscribe({ userId: 'u-stranger', workspaceId: ws }, (item) => strangerSeen.push(item));
      await owner.ready;
      await other.transaction((tx) =>
        notify(tx, {
          workspaceId: ws,
          kind: 'account_disconnected',
          audience: { type: 'managers' },
          title: 'Reconnect @bakery',
          body: 'The token was refused.',
          link: `/w/${ws}/accounts`,
        }),
      );
      await arrival;
      expect(seen.map((item) => item.title)).toEqual(['Reconnect @bakery']);
      expect(strangerSeen).toEqual([]);
      owner.unsubscribe();
      expect(hub.size()).toBe(1);
    } finally {
      await hub.close();
      await closeDatabase(other);
    }
  });
});
