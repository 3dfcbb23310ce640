/**
 * The composer's "Expected 40–120 engagements on @x · based on 312 posts": one prediction per
 * selected account for a draft at a time, or "not enough history" when the account has too few
 * measured posts for a range worth showing.
 */
import { composePost, normalizeHashtags } from '@plume/contract/posts/compose-post';
import type { Database } from '@plume/db/client';
import { accountModels, MIN_HISTORY_POSTS, modelName, type AccountModels } from './account-models.ts';

export type DraftFeatures = {
  text: string;
  hashtags?: readonly string[];
  mediaCount?: number;
  hasLink?: boolean;
  isThread?: boolean;
  /** When the post would go out; now when unset. */
  at: Date;
};

export type AccountPrediction =
  | {
      accountId: string;
      accountHandle: string;
      status: 'predicted';
      expected: number;
      low: number;
      high: number;
      coverage: number;
      historyPosts: number;
      model: string;
    }
  | { accountId: string; accountHandle: string; status: 'not_enough_history'; historyPosts: number; needed: number };

/** The draft's text as it will be posted: hashtags the composer keeps apart are appended. */
function draftText(draft: DraftFeatures): string {
  return composePost(draft.text, normalizeHashtags([...(draft.hashtags ?? [])]));
}

/** One account's prediction from its (cached) models. */
export function predictWith(models: AccountModels, draft: DraftFeatures): AccountPrediction {
  const base = { accountId: models.accountId, accountHandle: models.handle, historyPosts: models.history.length };
  if (models.history.length < MIN_HISTORY_POSTS) {
    return { ...base, status: 'not_enough_history', needed: MIN_HISTORY_POSTS };
  }
  const prediction = models.predictor.predict(
    {
      publishedAt: draft.at,
      text: draftText(draft),
      hasMedia: (draft.mediaCount ?? 0) > 0,
      ...(draft.hasLink ? { hasLink: true } : {}),
      isThread: draft.isThread ?? false,
    },
    models.history,
  );
  return {
    ...base,
    status: 'predicted',
    expected: Math.round(prediction.expected),
    low: Math.floor(prediction.low),
    high: Math.ceil(prediction.high),
    coverage: prediction.coverage,
    model: modelName(models),
  };
}

/** Predictions for a draft on each account (in the order given); another workspace's account is 404. */
export async function predictEngagement(
  db: Pick<Database, 'select'>,
  input: { workspaceId: string; zone: string; accountIds: readonly string[]; draft: DraftFeatures },
): Promise<AccountPrediction[]> {
  const results: AccountPrediction[] = [];
  for (const accountId of input.accountIds) {
    const models = await accountModels(db, { workspaceId: input.workspaceId, accountId, zone: input.zone });
    results.push(predictWith(models, input.draft));
  }
  return results;
}
