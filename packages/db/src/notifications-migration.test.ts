import fs from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { createEmptyDatabase, type TestDatabase } from '@plume/testing/test-database';
import { migrationsFolder } from './migrate.ts';

const KINDS_OF_0006 = [
  'account_disconnected',
  'approval_requested',
  'budget_alert',
  'post_failed',
  'viral_alert',
  'weekly_report',
];

let database: TestDatabase | undefined;
afterAll(async () => database?.drop());

async function statementsOf(file: string): Promise<string[]> {
  const text = await fs.readFile(path.join(migrationsFolder, file), 'utf8');
  return text
    .split('--> statement-breakpoint')
    .map((statement) => statement.trim())
    .filter((statement) => statement.length > 0);
}

it('turns the old mail switch into per-kind settings: turned off → no mail of any kind, in the app still', async () => {
  database = await createEmptyDatabase();
  const files = (await fs.readdir(migrationsFolder)).filter((file) => file.endsWith('.sql')).sort();
  const index = files.findIndex((file) => file.endsWith('_notifications.sql'));
  expect(index).toBeGreaterThan(0);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    for (const file of files.slice(0, index))
      for (const statement of await statementsOf(file)) await client.query(statement);
    await client.query(
      `INSERT INTO users (id, name, email) VALUES ('u-off', 'Off', 'off@x.test'), ('u-on', 'On', 'on@x.test'), ('u-none', 'None', 'none@x.test')`,
    );
    await client.query(
      `INSERT INTO user_preferences (user_id, data) VALUES ('u-off', '{"theme":"dark","emailNotifications":false}'), ('u-on', '{"emailNotifications":true}')`,
    );
    for (const statement of await statementsOf(files[index] ?? '')) await client.query(statement);

    const rows = await client.query<{ user_id: string; kind: string; in_app: boolean; mail: boolean }>(
      'SELECT user_id, kind, in_app, mail FROM notification_preferences ORDER BY user_id, kind',
    );
    // Only the person who had turned mail off has rows (the others follow the defaults).
    expect(new Set(rows.rows.map((row) => row.user_id))).toEqual(new Set(['u-off']));
    // The kinds that existed when 0006 ran; kinds added later follow their defaults.
    expect(rows.rows.map((row) => row.kind)).toEqual(KINDS_OF_0006);
    expect(rows.rows.every((row) => row.in_app && !row.mail)).toBe(true);
    const kept = await client.query<{ user_id: string; data: Record<string, unknown> }>(
      'SELECT user_id, data FROM user_preferences ORDER BY user_id',
    );
    expect(kept.rows).toEqual([
      { user_id: 'u-off', data: { theme: 'dark' } },
      { user_id: 'u-on', data: {} },
    ]);
  } finally {
    await client.end();
  }
});
