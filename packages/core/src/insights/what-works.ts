/**
 * "What works" for one account or the whole workspace: hashtags, media, links, length and time of
 * day compared on the account's own measured posts. A finding appears only when both sides hold at
 * least `MIN_POSTS_PER_GROUP` posts; each carries its 95 % interval.
 */
import {
  describeFinding,
  findWhatWorks,
  MIN_POSTS_PER_GROUP,
  type Finding,
  type HistoryPost,
} from '@plume/insights/index';
import type { Database } from '@plume/db/client';
import { listAccountRows } from '../social/account-store.ts';
import { accountModels } from './account-models.ts';

export type WhatWorks = {
  accountId: string | null;
  postsAnalysed: number;
  minPostsPerGroup: number;
  findings: Array<Finding & { summary: string }>;
};

/**
 * An account's posts with engagements rescaled so its median is 100: pooled, a big account then does
 * not drown a small one, and each post still counts as better or worse than its account's usual.
 */
function rescaled(history: readonly HistoryPost[]): HistoryPost[] {
  const sorted = history.map((post) => post.likes).sort((a, b) => a - b);
  const median = Math.max(1, sorted[Math.floor(sorted.length / 2)] ?? 1);
  return history.map((post) => ({ ...post, likes: Math.round((post.likes / median) * 100) }));
}

/** With an account, its own posts; without, every account of the workspace pooled (rescaled as above). */
export async function whatWorks(
  db: Pick<Database, 'select'>,
  input: { workspaceId: string; zone: string; accountId?: string },
): Promise<WhatWorks> {
  const accountIds =
    input.accountId === undefined
      ? (await listAccountRows(db, input.workspaceId)).map((account) => account.id)
      : [input.accountId];
  const findings: Finding[] = [];
  let postsAnalysed = 0;
  const pooled: HistoryPost[] = [];
  for (const accountId of accountIds) {
    const models = await accountModels(db, { workspaceId: input.workspaceId, accountId, zone: input.zone });
    postsAnalysed += models.history.length;
    if (accountIds.length === 1) findings.push(...findWhatWorks(models.history, input.zone));
    else pooled.push(...rescaled(models.history));
  }
  if (accountIds.length > 1) findings.push(...findWhatWorks(pooled, input.zone));
  return {
    accountId: input.accountId ?? null,
    postsAnalysed,
    minPostsPerGroup: MIN_POSTS_PER_GROUP,
    findings: findings.map((finding) => ({ ...finding, summary: describeFinding(finding) })),
  };
}
