import { eq, sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { loginAttempts } from '@plume/db/schema/platform';

export type LockoutPolicy = { maxFailures: number; lockoutMinutes: number };

/** Minutes left on a lock for this email, or 0 when sign-in may be tried. */
export async function lockedMinutesLeft(db: Database, email: string): Promise<number> {
  const [row] = await db
    .select({ lockedUntil: loginAttempts.lockedUntil })
    .from(loginAttempts)
    .where(eq(loginAttempts.email, email.toLowerCase()));
  const remaining = (row?.lockedUntil?.getTime() ?? 0) - Date.now();
  return remaining > 0 ? Math.ceil(remaining / 60_000) : 0;
}

/**
 * Counts a failed sign-in. After `maxFailures` in a row the email is locked for `lockoutMinutes`;
 * the counter starts again after a lock expires. Keyed by email (not IP) to stop password guessing
 * against one account from many addresses; the IP rate limit covers the other direction.
 */
export async function recordFailedLogin(db: Database, email: string, policy: LockoutPolicy): Promise<void> {
  const lockInterval = `${policy.lockoutMinutes} minutes`;
  await db.execute(sql`
    INSERT INTO login_attempts (email, failures, last_failure_at) VALUES (${email.toLowerCase()}, 1, now())
    ON CONFLICT (email) DO UPDATE SET
      failures = CASE WHEN login_attempts.locked_until IS NOT NULL AND login_attempts.locked_until <= now() THEN 1 ELSE login_attempts.failures + 1 END,
      locked_until = CASE
        WHEN login_attempts.locked_until IS NOT NULL AND login_attempts.locked_until <= now() THEN NULL
        WHEN login_attempts.failures + 1 >= ${policy.maxFailures} THEN now() + ${lockInterval}::interval
        ELSE login_attempts.locked_until END,
      last_failure_at = now()`);
}

export async function clearFailedLogins(db: Database, email: string): Promise<void> {
  await db.delete(loginAttempts).where(eq(loginAttempts.email, email.toLowerCase()));
}
