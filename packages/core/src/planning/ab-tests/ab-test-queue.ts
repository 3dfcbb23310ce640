/**
 * The decision of an A/B test is a job queued for 24 h (and a margin for the 24 h snapshot) after the
 * later of the two slots; a sweep (`sweep_ab_tests`, hourly) decides any running test that is due and
 * was missed (a post that went out late, a moved brief, a worker that was down).
 */
import { sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';

export const DECIDE_AB_TEST_JOB = 'decide_ab_test';
export const SWEEP_AB_TESTS_JOB = 'sweep_ab_tests';
/** After the later post's 24 h: the snapshot due at 24 h is read within minutes (docs/analytics.md). */
export const DECISION_MARGIN_MINUTES = 30;

export function decisionTime(slotA: Date, slotB: Date): Date {
  const later = Math.max(slotA.getTime(), slotB.getTime());
  return new Date(later + 24 * 3_600_000 + DECISION_MARGIN_MINUTES * 60_000);
}

export async function queueAbDecision(db: Database, testId: string, slotA: Date, slotB: Date): Promise<void> {
  const runAt = decisionTime(slotA, slotB);
  await db.execute(sql`
    SELECT graphile_worker.add_job(${DECIDE_AB_TEST_JOB}, ${JSON.stringify({ testId })}::json,
      run_at => ${runAt.toISOString()}::timestamptz, job_key => ${`ab-test:${testId}`}, max_attempts => 5)`);
}
