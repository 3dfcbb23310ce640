import { sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';

/**
 * The first registered user becomes the instance admin: they can read the mail outbox, which is how
 * a self-hoster without SMTP confirms addresses. Checked as the user row is about to be written.
 */
export async function isFirstUser(db: Database): Promise<boolean> {
  const result = await db.execute<{ present: boolean }>(sql`SELECT EXISTS (SELECT 1 FROM users) AS present`);
  return !result.rows[0]?.present;
}
