import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, createDatabase, type Database } from '@plume/db/client';
import { notifications } from '@plume/db/schema/notifications';
import { mailOutbox } from '@plume/db/schema/platform';
import { weeklyReports } from '@plume/db/schema/reports';
import { createTestDatabase, type TestDatabase } from '@plume/testing/test-database';
import { mailQueuedNotifications } from '../notifications/mail-notification.ts';
import { generateDueWeeklyReports, isReportDue, lastFullWeek, saveWeeklyReport } from './generate-weekly-reports.ts';
import { getWeeklyReport, listWeeklyReports } from './query-weekly-reports.ts';
import { seedAccount, seedFollowers, seedMeasuredPost, seedTarget, seedWorkspace } from './report-test-fixture.ts';

let database: TestDatabase;
let db: Database;
const paris = 'ws-paris';
const quiet = 'ws-quiet';
// Monday 7 December 2026, 09:30 in Paris: last week is Mon 30 Nov 00:00 – Mon 7 Dec 00:00 (CET, UTC+1).
const monday = new Date('2026-12-07T08:30:00Z');

beforeAll(async () => {
  database = await createTestDatabase();
  db = createDatabase(database.url, { poolSize: 4 });
  await seedWorkspace(db, paris, 'Europe/Paris');
  await seedWorkspace(db, quiet, 'America/New_York');
  // Created on the Sunday evening: the week before holds nothing of it, so it gets no report yet.
  await seedWorkspace(db, 'ws-new', 'Europe/Paris', new Date('2026-12-06T23:30:00Z'));
  const bakery = await seedAccount(db, paris, '@bakery@social.example');
  const cafe = await seedAccount(db, paris, '@cafe@social.example');
  // The week before: 50 engagements over 2000 impressions.
  await seedMeasuredPost(db, paris, bakery, { at: '2026-11-24T10:00:00Z', engagements: 20, impressions: 1000 });
  await seedMeasuredPost(db, paris, cafe, { at: '2026-11-26T10:00:00Z', engagements: 30, impressions: 1000 });
  // Monday 00:30 in Paris (Sunday 23:30 UTC) belongs to the report's week; Monday 00:30 a week later does not.
  await seedMeasuredPost(db, paris, bakery, { at: '2026-11-29T23:30:00Z', engagements: 40, impressions: 1000 });
  await seedMeasuredPost(db, paris, bakery, {
    at: '2026-12-02T12:00:00Z',
    engagements: 100,
    impressions: 2000,
    text: 'Our new sourdough is out',
  });
  await seedMeasuredPost(db, paris, cafe, { at: '2026-12-04T18:00:00Z', engagements: 10, impressions: 1000 });
  await seedMeasuredPost(db, paris, bakery, { at: '2026-12-06T23:30:00Z', engagements: 999 });
  await seedTarget(db, paris, bakery, { state: 'published', at: '2026-12-01T09:00:00Z' });
  await seedTarget(db, paris, bakery, { state: 'published', at: '2026-12-02T12:00:00Z' });
  await seedTarget(db, paris, cafe, { state: 'failed', at: '2026-12-03T09:00:00Z', reason: 'The token expired.' });
  await seedTarget(db, paris, cafe, { state: 'failed', at: '2026-12-07T09:00:00Z', reason: 'Too late for this week.' });
  await seedFollowers(db, paris, bakery, '2026-11-22T20:00:00Z', 100);
  await seedFollowers(db, paris, bakery, '2026-11-29T06:00:00Z', 110);
  await seedFollowers(db, paris, bakery, '2026-12-06T06:00:00Z', 150);
});
afterAll(async () => {
  await closeDatabase(db);
  await database.drop();
});

describe('the report week', () => {
  it('is the last full Monday–Sunday on the workspace clock, across a daylight saving change', () => {
    // Monday 26 October 2026, 09:30 in Paris: the week before held the switch from CEST to CET.
    const week = lastFullWeek(new Date('2026-10-26T08:30:00Z'), 'Europe/Paris');
    expect(week.start.toISOString()).toBe('2026-10-18T22:00:00.000Z');
    expect(week.end.toISOString()).toBe('2026-10-25T23:00:00.000Z');
    expect(week.previousStart.toISOString()).toBe('2026-10-11T22:00:00.000Z');
    expect(lastFullWeek(new Date('2026-03-30T06:00:00Z'), 'America/New_York').start.toISOString()).toBe(
      '2026-03-23T04:00:00.000Z',
    );
  });

  it('is due from Monday 08:00 on the workspace clock', () => {
    expect(isReportDue(new Date('2026-12-07T06:59:00Z'), 'Europe/Paris')).toBe(false);
    expect(isReportDue(new Date('2026-12-07T07:00:00Z'), 'Europe/Paris')).toBe(true);
    expect(isReportDue(new Date('2026-12-07T04:00:00Z'), 'America/New_York')).toBe(true); // still Sunday there
    expect(isReportDue(new Date('2026-12-07T12:59:00Z'), 'America/New_York')).toBe(false);
  });
});

describe('generateDueWeeklyReports', () => {
  it('does nothing before Monday 08:00 in the zone', async () => {
    expect(await generateDueWeeklyReports(db, new Date('2026-12-07T06:30:00Z'))).toEqual({ created: 0 });
    expect(await db.select().from(weeklyReports)).toHaveLength(0);
  });

  it('builds one report per workspace and week, however many workers run it', async () => {
    const runs = await Promise.all([generateDueWeeklyReports(db, monday), generateDueWeeklyReports(db, monday)]);
    expect(runs.reduce((sum, run) => sum + run.created, 0)).toBe(1); // New York is not at 08:00 yet
    expect(await generateDueWeeklyReports(db, new Date('2026-12-07T09:30:00Z'))).toEqual({ created: 0 });
    const rows = await db.select().from(weeklyReports).where(eq(weeklyReports.workspaceId, paris));
    expect(rows).toHaveLength(1);
    expect(await db.select().from(weeklyReports).where(eq(weeklyReports.workspaceId, 'ws-new'))).toEqual([]);
    const sent = await db
      .select()
      .from(notifications)
      .where(and(eq(notifications.workspaceId, paris), eq(notifications.kind, 'weekly_report')));
    expect(sent.map((row) => row.userId).sort()).toEqual([`${paris}-editor`, `${paris}-owner`, `${paris}-viewer`]);
    expect(sent[0]?.link).toBe(`/w/${paris}/reports/weekly/${rows[0]?.id}`);
  });

  it('reports what went out, the results against the week before, followers and the best post', async () => {
    const [summary] = await listWeeklyReports(db, paris);
    const { body } = await getWeeklyReport(db, paris, summary!.id);
    expect(body.weekStart).toBe('2026-11-29T23:00:00.000Z');
    expect(body.weekEnd).toBe('2026-12-06T23:00:00.000Z');
    expect(body.published).toMatchObject({ total: 2, failed: 1 });
    expect(body.failures).toEqual([
      expect.objectContaining({ handle: '@cafe@social.example', reason: 'The token expired.' }),
    ]);
    expect(body.results.thisWeek).toEqual({ posts: 3, engagements: 150, impressions: 4000, engagementRate: 0.0375 });
    expect(body.results.lastWeek).toEqual({ posts: 2, engagements: 50, impressions: 2000, engagementRate: 0.025 });
    expect(body.results.change.engagements).toBeCloseTo(2);
    expect(body.followers).toMatchObject({ change: 40, lastWeekChange: 10 });
    expect(body.bestPost).toMatchObject({ text: 'Our new sourdough is out', engagements: 100 });
    expect(body.daily.map((day) => [day.date, day.posts])).toEqual([
      ['2026-11-30', 1],
      ['2026-12-01', 0],
      ['2026-12-02', 1],
      ['2026-12-03', 0],
      ['2026-12-04', 1],
      ['2026-12-05', 0],
      ['2026-12-06', 0],
    ]);
    expect(body.learned).toEqual([]); // too little history to claim anything
    expect(body.summary).toContain('Mon, Nov 30 – Sun, Dec 6, 2026 (Europe/Paris)');
    expect(body.summary).toContain('Followers +40 (the week before: +10).');
  });

  it('mails the summary in plain words, not just a link', async () => {
    await mailQueuedNotifications({ db, appUrl: 'https://plume.example' });
    const [mail] = await db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.to, `viewer@${paris}.test`));
    expect(mail?.subject).toContain('Weekly report: Mon, Nov 30 – Sun, Dec 6, 2026');
    expect(mail?.text).toContain('Plume published 2 posts on 1 account; 1 post failed.');
    expect(mail?.text).toContain('Best post: “Our new sourdough is out”');
    expect(mail?.text).toContain('https://plume.example/w/ws-paris/reports/weekly/');
  });

  it('says plainly when nothing happened, and Generate now refreshes without notifying twice', async () => {
    await generateDueWeeklyReports(db, new Date('2026-12-07T14:00:00Z'));
    const [report] = await listWeeklyReports(db, quiet);
    expect(report).toMatchObject({ empty: true });
    expect(report?.summary).toMatch(
      /^Nothing went out in the week of Mon, Nov 30 – Sun, Dec 6, 2026 \(America\/New_York\)/,
    );
    const week = lastFullWeek(new Date('2026-12-07T14:00:00Z'), 'America/New_York');
    const again = await saveWeeklyReport(db, {
      workspaceId: quiet,
      zone: 'America/New_York',
      week,
      createdBy: `${quiet}-owner`,
      refresh: true,
    });
    expect(again).toEqual({ id: report?.id, created: false });
    const sent = await db.select().from(notifications).where(eq(notifications.workspaceId, quiet));
    expect(sent).toHaveLength(3);
  });

  it('finds no report of another workspace', async () => {
    const [report] = await listWeeklyReports(db, paris);
    await expect(getWeeklyReport(db, quiet, report!.id)).rejects.toMatchObject({ code: 'not_found' });
  });
});
