// Seeds the publishing benchmark: one workspace, the agency's accounts on the fakes (tokens encrypted
// as the app stores them), one scheduled single-target post per target spread over the accounts, and
// the real publish jobs (enqueuePublishJobs: the same job keys and run_at the app writes).
import { randomUUID } from 'node:crypto';
import { inArray } from 'drizzle-orm';
import { createKeyring, parseKey } from '@plume/core/secrets/keyring';
import { encryptTokens } from '@plume/core/social/account-store';
import { enqueuePublishJobs } from '@plume/core/publishing/publish-queue';
import type { Database } from '@plume/db/client';
import { posts, postTargets } from '@plume/db/schema/publishing';
import { socialAccounts } from '@plume/db/schema/social';
import { users } from '@plume/db/schema/auth';
import { workspaces } from '@plume/db/schema/workspaces';
import type { AgencyAccount } from './agency-fakes.ts';

export type SeededBatch = {
  targetIds: string[];
  accountIds: string[];
  /** Each target's post text (unique): how the fakes' calls are matched to targets. */
  textOf: Map<string, string>;
  /** Each target's account, in `targetIds` order. */
  accountOf: AgencyAccount[];
};

/** Rows per INSERT: large enough to be quick, small enough to stay under PostgreSQL's 65,535 parameters. */
const chunkSize = 1000;

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += chunkSize) result.push(items.slice(start, start + chunkSize));
  return result;
}

export async function seedAccounts(
  db: Database,
  input: { secretKey: string; accounts: readonly AgencyAccount[]; workspaceId: string },
): Promise<string[]> {
  const keyring = createKeyring(parseKey(input.secretKey));
  const rows = input.accounts.map((account, index) => ({
    workspaceId: input.workspaceId,
    network: account.network,
    externalId: account.externalId,
    handle: `bench${index}`,
    displayName: `Bench ${index}`,
    kind: 'profile',
    metadata: account.metadata,
    tokensCiphertext: encryptTokens(keyring, account.tokens),
    ...(account.tokens.expiresAt === undefined ? {} : { accessExpiresAt: account.tokens.expiresAt }),
  }));
  const ids: string[] = [];
  for (const chunk of chunks(rows)) {
    const inserted = await db.insert(socialAccounts).values(chunk).returning({ id: socialAccounts.id });
    ids.push(...inserted.map((row) => row.id));
  }
  return ids;
}

/** Posts and targets, scheduled at a placeholder time that `scheduleBatch` moves to the real due instant. */
async function seedPosts(
  db: Database,
  input: {
    workspaceId: string;
    accountIds: string[];
    accounts: readonly AgencyAccount[];
    targets: number;
    placeholder: Date;
  },
): Promise<Omit<SeededBatch, 'accountIds'>> {
  const targetIds: string[] = [];
  const textOf = new Map<string, string>();
  const accountOf: AgencyAccount[] = [];
  const indexes = Array.from({ length: input.targets }, (_, index) => index);
  for (const chunk of chunks(indexes)) {
    const texts = chunk.map((index) => `Benchmark post ${index} ${randomUUID()}`);
    const postRows = texts.map((text) => ({
      workspaceId: input.workspaceId,
      state: 'scheduled' as const,
      content: { text, mediaIds: [], thread: [], hashtags: [] },
      scheduledAt: input.placeholder,
    }));
    const inserted = await db.insert(posts).values(postRows).returning({ id: posts.id });
    const accountIndexes = chunk.map((index) => index % input.accountIds.length);
    const targetRows = inserted.map((post, offset) => ({
      postId: post.id,
      workspaceId: input.workspaceId,
      accountId: input.accountIds[accountIndexes[offset] ?? 0] ?? '',
      network: input.accounts[accountIndexes[offset] ?? 0]?.network ?? 'mastodon',
    }));
    const targets = await db.insert(postTargets).values(targetRows).returning({ id: postTargets.id });
    targets.forEach((target, offset) => {
      targetIds.push(target.id);
      textOf.set(texts[offset] ?? '', target.id);
      const account = input.accounts[accountIndexes[offset] ?? 0];
      if (account !== undefined) accountOf.push(account);
    });
  }
  return { targetIds, textOf, accountOf };
}

export async function seedBatch(
  db: Database,
  input: { secretKey: string; accounts: readonly AgencyAccount[]; targets: number },
): Promise<SeededBatch> {
  const userId = randomUUID();
  await db
    .insert(users)
    .values({ id: userId, name: 'Bench Owner', email: `bench-${userId}@example.test`, emailVerified: true });
  const workspaceId = randomUUID();
  await db.insert(workspaces).values({ id: workspaceId, name: 'Publishing bench', slug: `bench-${workspaceId}` });
  const accountIds = await seedAccounts(db, { secretKey: input.secretKey, accounts: input.accounts, workspaceId });
  // A day ahead, so nothing is due before the jobs exist.
  const placeholder = new Date(Date.now() + 86_400_000);
  const seeded = await seedPosts(db, {
    workspaceId,
    accountIds,
    accounts: input.accounts,
    targets: input.targets,
    placeholder,
  });
  return { ...seeded, accountIds };
}

/** Moves every post to `due` and adds their publish jobs at that instant, as scheduling a post does. */
export async function scheduleBatch(db: Database, batch: SeededBatch, due: Date): Promise<void> {
  await db.transaction(async (tx) => {
    for (const chunk of chunks(batch.targetIds)) {
      const postIds = tx.select({ id: postTargets.postId }).from(postTargets).where(inArray(postTargets.id, chunk));
      await tx.update(posts).set({ scheduledAt: due }).where(inArray(posts.id, postIds));
    }
    await enqueuePublishJobs(
      tx,
      batch.targetIds.map((targetId) => ({ targetId, runAt: due })),
    );
  });
}
