import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SNAPSHOT_OFFSETS_MIN } from '@plume/contract/analytics/metrics';
import { closeDatabase, createDatabase, type Database } from '@plume/db/client';
import { notifications } from '@plume/db/schema/notifications';
import { postAlerts } from '@plume/db/schema/reports';
import { createTestDatabase, type TestDatabase } from '@plume/testing/test-database';
import { checkForAnomalies } from './check-for-anomalies.ts';
import { seedAccount, seedMeasuredPost, seedWorkspace } from './report-test-fixture.ts';

let database: TestDatabase;
let db: Database;
const ws = 'ws-alerts';
let account: string;
let quietAccount: string;

// Share of the 24 h engagements a post of this account reaches by each age (about 100 at 24 h).
const share: Record<number, number> = {
  15: 0.2,
  60: 0.45,
  240: 0.75,
  720: 0.9,
  1440: 1,
  4320: 1.1,
  10080: 1.15,
  43200: 1.2,
};

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDatabase(database.url, { poolSize: 4 });
  await seedWorkspace(db, ws, 'Europe/Paris');
  account = await seedAccount(db, ws, '@bakery@social.example');
  quietAccount = await seedAccount(db, ws, '@new@social.example');
  for (let day = 0; day < 30; day += 1) {
    const scale = 0.8 + (day % 5) * 0.1;
    await seedMeasuredPost(
      db,
      ws,
      account,
      { at: new Date(Date.UTC(2026, 9, 1 + day, 9)).toISOString(), engagements: Math.round(100 * scale) },
      SNAPSHOT_OFFSETS_MIN.map((offsetMin) => ({
        offsetMin,
        engagements: Math.round(100 * scale * (share[offsetMin] ?? 1)),
      })),
    );
  }
});
afterAll(async () => {
  await closeDatabase(db);
  await database.drop();
});

const at = '2026-12-01T09:00:00Z';
const alertsTo = (userId: string) =>
  db
    .select()
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.kind, 'viral_alert')));

describe('checkForAnomalies', () => {
  it('raises a viral and a failure alert once each, against the account’s own curve, with actions and a link', async () => {
    const viral = await seedMeasuredPost(db, ws, account, { at, engagements: 400, text: 'Sourdough day' }, [
      { offsetMin: 15, engagements: 30 },
      { offsetMin: 60, engagements: 400 },
    ]);
    const failure = await seedMeasuredPost(db, ws, account, { at, engagements: 1, text: 'Quiet one' }, [
      { offsetMin: 240, engagements: 1 },
    ]);
    const normal = await seedMeasuredPost(db, ws, account, { at, engagements: 45 }, [
      { offsetMin: 60, engagements: 45 },
    ]);
    const raised = await db.transaction((tx) => checkForAnomalies(tx, [viral, failure, normal]));
    expect(raised.map((alert) => [alert.measuredPostId, alert.direction]).sort()).toEqual(
      [
        [viral, 'viral'],
        [failure, 'failure'],
      ].sort(),
    );
    // A second batch with the same posts (the next snapshot, a job run twice) raises nothing again.
    expect(await db.transaction((tx) => checkForAnomalies(tx, [viral, failure, normal]))).toEqual([]);
    expect(await db.select().from(postAlerts)).toHaveLength(2);

    const editorAlerts = await alertsTo(`${ws}-editor`);
    expect(editorAlerts).toHaveLength(2);
    const taking = editorAlerts.find((row) => row.title.startsWith('A post is taking off'));
    expect(taking?.title).toBe('A post is taking off on @bakery@social.example (mastodon)');
    expect(taking?.body).toContain('“Sourdough day” has 400 engagements after 1 h.');
    expect(taking?.body).toContain('Answer the replies while attention is high.');
    expect(taking?.body).toContain('Pin it to your profile.');
    expect(taking?.link).toBe(`/w/${ws}/analytics`);
    expect(editorAlerts.some((row) => row.title.startsWith('A post is reaching far fewer people'))).toBe(true);
    expect(await alertsTo(`${ws}-viewer`)).toEqual([]); // viewers cannot act on it
  });

  it('stays quiet without history, for old readings, and for ids that are not posts', async () => {
    const lonely = await seedMeasuredPost(db, ws, quietAccount, { at, engagements: 900 }, [
      { offsetMin: 60, engagements: 900 },
    ]);
    const old = await seedMeasuredPost(db, ws, account, { at, engagements: 5000 }, [
      { offsetMin: 10080, engagements: 5000 },
    ]);
    const raised = await db.transaction((tx) =>
      checkForAnomalies(tx, [lonely, old, 'not-a-uuid', '00000000-0000-4000-8000-000000000000']),
    );
    expect(raised).toEqual([]);
    expect(await db.transaction((tx) => checkForAnomalies(tx, []))).toEqual([]);
  });
});
