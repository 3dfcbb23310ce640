/**
 * An account's trained models, kept in memory for a few minutes. Training on 2,000 posts takes tens of
 * milliseconds and the composer asks again on every pause in typing, so each API or worker process
 * keeps the last model per account and zone for `MODEL_TTL_MS`; new measurements show up within that
 * time. Nothing is persisted: a restart retrains on first use.
 */
import {
  learnBestTime,
  trainPredictor,
  type BestTime,
  type EngagementPredictor,
  type HistoryPost,
} from '@plume/insights/index';
import { MIN_TRAINING_POSTS } from '@plume/insights/predict/train-predictor';
import type { Database } from '@plume/db/client';
import { getAccount } from '../social/account-store.ts';
import { loadAccountHistory } from './load-history.ts';

export type AccountModels = {
  accountId: string;
  handle: string;
  network: string;
  history: HistoryPost[];
  predictor: EngagementPredictor;
  bestTime: BestTime;
  trainedAt: number;
};

export const MODEL_TTL_MS = 5 * 60_000;
/** Fewer measured posts than this and Plume says "not enough history yet" instead of a range. */
export const MIN_HISTORY_POSTS = 10;
const MAX_CACHED = 500;

const cache = new Map<string, AccountModels>();

/** Forgets every cached model (tests; after a CSV import of past performance). */
export function clearModelCache(): void {
  cache.clear();
}

/**
 * The account's models, trained from its measured posts in `zone`. Another workspace's account is
 * "not found" (checked on every call, cached or not).
 */
export async function accountModels(
  db: Pick<Database, 'select'>,
  input: { workspaceId: string; accountId: string; zone: string; now?: number },
): Promise<AccountModels> {
  const account = await getAccount(db, input.workspaceId, input.accountId);
  const now = input.now ?? Date.now();
  const key = `${input.accountId}|${input.zone}`;
  const cached = cache.get(key);
  if (cached !== undefined && now - cached.trainedAt < MODEL_TTL_MS) return cached;
  const history = await loadAccountHistory(db, input.workspaceId, input.accountId);
  const models: AccountModels = {
    accountId: account.id,
    handle: account.handle,
    network: account.network,
    history,
    predictor: trainPredictor(history, { zone: input.zone }),
    bestTime: learnBestTime(history, { zone: input.zone, network: account.network }),
    trainedAt: now,
  };
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value ?? key);
  cache.set(key, models);
  return models;
}

/** The model's name as stored with a prediction. */
export function modelName(models: AccountModels): string {
  return models.predictor.trainedOn >= MIN_TRAINING_POSTS ? 'insights-ridge-v1' : 'insights-median-v1';
}
