import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, createDatabase, type Database } from '@plume/db/client';
import { auditEvents } from '@plume/db/schema/audit';
import { users } from '@plume/db/schema/auth';
import { mailOutbox } from '@plume/db/schema/platform';
import { members, workspaces } from '@plume/db/schema/workspaces';
import { createTestDatabase, type TestDatabase } from '@plume/testing/test-database';
import { mailQueuedNotifications } from '../notifications/mail-notification.ts';
import { notifyBudgetAlert } from './budget-alert-mail.ts';

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

describe('budget alert mail', () => {
  it('notifies the owners and admins, not editors, once, with a mail saying what was used of which budget, and audits it', async () => {
    await db.insert(workspaces).values({ id: 'ws-budget', name: 'Bakery', slug: 'ws-budget' });
    await db.insert(users).values([
      { id: 'u-owner', name: 'Owner', email: 'owner@bakery.test' },
      { id: 'u-admin', name: 'Admin', email: 'admin@bakery.test' },
      { id: 'u-editor', name: 'Editor', email: 'editor@bakery.test' },
    ]);
    await db.insert(members).values([
      { id: 'm1', organizationId: 'ws-budget', userId: 'u-owner', role: 'owner' },
      { id: 'm2', organizationId: 'ws-budget', userId: 'u-admin', role: 'admin' },
      { id: 'm3', organizationId: 'ws-budget', userId: 'u-editor', role: 'editor' },
    ]);

    const alert = {
      workspaceId: 'ws-budget',
      period: 'month:2026-12',
      threshold: 90,
      usedMicros: 9_000_000,
      limitMicros: 10_000_000,
    };
    await notifyBudgetAlert({ db }, alert);
    // The same threshold of the same period announced again (another process) tells nobody twice.
    await notifyBudgetAlert({ db }, alert);
    expect(await mailQueuedNotifications({ db, appUrl: 'https://plume.example' })).toBe(2);

    const mails = await db.select().from(mailOutbox).orderBy(mailOutbox.to);
    expect(mails.map((mail) => mail.to)).toEqual(['admin@bakery.test', 'owner@bakery.test']);
    expect(mails[0]?.subject).toBe('Bakery: 90 % of the monthly budget used');
    expect(mails[0]?.text).toContain('has used $9.00 of its monthly budget (2026-12) of $10.00');
    expect(mails[0]?.text).toContain('https://plume.example/w/ws-budget/models');
    const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.workspaceId, 'ws-budget'));
    expect(audit).toMatchObject({
      action: 'llm_budget.alert',
      actorType: 'system',
      data: { period: 'month:2026-12', threshold: 90 },
    });
  });
});
