import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, createDatabase, type Database } from '@plume/db/client';
import { measuredPosts } from '@plume/db/schema/analytics';
import { postingSlots } from '@plume/db/schema/publishing';
import { socialAccounts } from '@plume/db/schema/social';
import { workspaces } from '@plume/db/schema/workspaces';
import { createTestDatabase, type TestDatabase } from '@plume/testing/test-database';
import { findNextFreeSlot } from '../scheduling/posting-slots.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let database: TestDatabase;
let db: Database;

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDatabase(database.url, { poolSize: 2 });
});
afterAll(async () => {
  await closeDatabase(db);
  await database.drop();
});

/** An account (zone UTC) with slots at 09:00 and 21:00 every day and `days` of history at those hours. */
async function accountWithSlots(days: number): Promise<{ workspaceId: string; accountId: string }> {
  const workspaceId = `ws_${randomUUID().slice(0, 8)}`;
  await db.insert(workspaces).values({ id: workspaceId, name: 'Slots', slug: workspaceId, timezone: 'UTC' });
  const [account] = await db
    .insert(socialAccounts)
    .values({
      workspaceId,
      network: 'mastodon',
      externalId: randomUUID(),
      handle: '@slots@example.test',
      displayName: 'Slots',
      kind: 'profile',
      tokensCiphertext: 'unused',
    })
    .returning({ id: socialAccounts.id });
  const accountId = account?.id ?? '';
  await db
    .insert(postingSlots)
    .values(
      [0, 1, 2, 3, 4, 5, 6].flatMap((weekday) =>
        [540, 1260].map((minuteOfDay) => ({ workspaceId, accountId, weekday, minuteOfDay })),
      ),
    );
  const today = Math.floor(Date.now() / DAY) * DAY;
  // Evening posts (21:00) earn five times the morning ones (09:00).
  const rows = Array.from({ length: days }, (_, day) =>
    [9, 21].map((hour) => ({
      workspaceId,
      accountId,
      network: 'mastodon' as const,
      remoteId: `d${day}h${hour}`,
      source: 'backfill' as const,
      publishedAt: new Date(today - (day + 2) * DAY + hour * HOUR),
      text: `Post of day ${day}`,
      engagements: (hour === 21 ? 100 : 20) + (day % 7),
    })),
  ).flat();
  if (rows.length > 0) await db.insert(measuredPosts).values(rows);
  return { workspaceId, accountId };
}

describe('next free slot with history', () => {
  it('prefers the evening slot the history rates higher over the earlier morning one', async () => {
    const { workspaceId, accountId } = await accountWithSlots(60);
    const after = new Date(Math.floor(Date.now() / DAY) * DAY + DAY + 8 * HOUR); // tomorrow 08:00 UTC
    const found = await findNextFreeSlot(db, { workspaceId, accountIds: [accountId], zone: 'UTC', after, now: after });
    expect(found.reason).toBe('best_time');
    expect(found.at.toISOString()).toBe(new Date(after.getTime() + 13 * HOUR).toISOString());
  });

  it('takes the earliest slot while the account has little history', async () => {
    const { workspaceId, accountId } = await accountWithSlots(10);
    const after = new Date(Math.floor(Date.now() / DAY) * DAY + DAY + 8 * HOUR);
    const found = await findNextFreeSlot(db, { workspaceId, accountIds: [accountId], zone: 'UTC', after, now: after });
    expect(found).toEqual({ at: new Date(after.getTime() + HOUR), reason: 'earliest' });
  });
});
