/**
 * The worker's batches (micro-batch.ts): the publish jobs running at once in a process claim their
 * targets, mark their calls started and record their `published` outcomes together, one statement (or
 * one short transaction) per batch instead of several per target. A batch that fails changes nothing
 * (one statement, or one transaction) and each of its items takes the one-target path instead.
 * Without batches (tests, one-off calls) the same statements run for one target at a time.
 */
import { inArray, sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { socialAccounts } from '@plume/db/schema/social';
import type { AccountRow } from '../social/account-store.ts';
import { claimDueTargets, type ClaimedTarget } from './claim-batch.ts';
import { createMicroBatch } from './micro-batch.ts';
import { recordPublishedBatch, type PublishedItem } from './record-published-batch.ts';

export interface PublishingBatches {
  /** The claim, or null when the one-target claim must decide. */
  claim(targetId: string): Promise<ClaimedTarget | null>;
  /** True when the attempt was still open and is now marked as calling the network. */
  markCallStarted(attemptId: string): Promise<boolean>;
  /** Records a published outcome; false when the batch failed and the caller must record it alone. */
  recordPublished(item: PublishedItem): Promise<boolean>;
  /** The account's row (its tokens are read right before the call). */
  readAccount(accountId: string): Promise<AccountRow | undefined>;
}

async function readAccounts(db: Database, accountIds: readonly string[]): Promise<(AccountRow | undefined)[]> {
  const rows = await db
    .select()
    .from(socialAccounts)
    .where(inArray(socialAccounts.id, [...new Set(accountIds)]));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return accountIds.map((id) => byId.get(id));
}

/**
 * Marks attempts as calling the network, after their slots are taken: a target claimed but still waiting
 * for a slot when its worker dies has nothing here and goes back to pending. Only open attempts: one a
 * sweep already gave back (`not_sent`, this worker was thought dead) stays unsent.
 */
async function markCallsStarted(db: Pick<Database, 'execute'>, attemptIds: readonly string[]): Promise<boolean[]> {
  const marked = await db.execute<{ id: string }>(sql`
    UPDATE publish_attempts SET call_started_at = now()
    WHERE id = ANY(${`{${attemptIds.join(',')}}`}::uuid[])
      AND outcome IS NULL
    RETURNING id`);
  const started = new Set(marked.rows.map((row) => row.id));
  return attemptIds.map((id) => started.has(id));
}

export function createPublishingBatches(db: Database, runnerId: string, maxSize = 100): PublishingBatches {
  const claims = createMicroBatch<string, ClaimedTarget | null>(async (ids) => {
    try {
      return await claimDueTargets(db, runnerId, ids);
    } catch {
      return ids.map(() => null);
    }
  }, maxSize);
  const started = createMicroBatch<string, boolean>((ids) => markCallsStarted(db, ids), maxSize);
  const published = createMicroBatch<PublishedItem, boolean>(async (items) => {
    try {
      await recordPublishedBatch(db, items);
      return items.map(() => true);
    } catch {
      return items.map(() => false);
    }
  }, maxSize);
  const accounts = createMicroBatch<string, AccountRow | undefined>((ids) => readAccounts(db, ids), maxSize);
  return {
    claim: (targetId) => claims.add(targetId),
    markCallStarted: (attemptId) => started.add(attemptId),
    recordPublished: (item) => published.add(item),
    readAccount: (accountId) => accounts.add(accountId),
  };
}

/** The same operations one target at a time, for callers without a worker's batches. */
export function unbatched(db: Database, runnerId: string): PublishingBatches {
  return {
    claim: async (targetId) => (await claimDueTargets(db, runnerId, [targetId]))[0] ?? null,
    markCallStarted: async (attemptId) => (await markCallsStarted(db, [attemptId]))[0] ?? false,
    recordPublished: async (item) => {
      await recordPublishedBatch(db, [item]);
      return true;
    },
    readAccount: async (accountId) => (await readAccounts(db, [accountId]))[0],
  };
}
