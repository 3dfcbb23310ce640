/**
 * The best-time grid placement uses for each account: the account's learned best time (insights, as
 * the analytics page's best time) when it has enough measured posts, else the network's public prior.
 * Each answer says which, so a placement's reason can say what it rests on.
 */
import type { Database } from '@plume/db/client';
import { AppError } from '@plume/errors/app-error';
import { accountModels, MIN_HISTORY_POSTS } from '../../insights/account-models.ts';
import { gridFromBestTime, priorGrid } from '../placement/best-time-grid.ts';
import type { BestTimeGrid } from '../placement/placement-types.ts';

export type AccountBestTime = {
  grid: BestTimeGrid;
  /** `learned`: from the account's own measured posts (shrunk toward the prior); `prior`: the network's public prior. */
  source: 'learned' | 'prior';
  /** The account's measured posts. */
  posts: number;
};

/** One grid per account of `accounts` (id and network), learned where the history allows. */
export async function loadAccountBestTimes(
  db: Pick<Database, 'select'>,
  input: { workspaceId: string; zone: string; accounts: readonly { accountId: string; network: string }[] },
): Promise<Map<string, AccountBestTime>> {
  const answer = new Map<string, AccountBestTime>();
  for (const { accountId, network } of input.accounts) {
    if (answer.has(accountId)) continue;
    const models = await accountModels(db, { workspaceId: input.workspaceId, accountId, zone: input.zone }).catch(
      (error: unknown) => {
        if (error instanceof AppError) return null;
        throw error;
      },
    );
    const posts = models?.history.length ?? 0;
    answer.set(
      accountId,
      models !== null && posts >= MIN_HISTORY_POSTS
        ? { grid: gridFromBestTime(models.bestTime), source: 'learned', posts }
        : { grid: priorGrid(network), source: 'prior', posts },
    );
  }
  return answer;
}

/** Why this hour, in plain words: the expected lift and what it rests on, and any natural-cadence move. */
export function describePlacement(
  placement: { lift: number; confidence: number; naturalOffsetMinutes: number },
  bestTime: AccountBestTime | undefined,
): string {
  const lift = `expected ×${placement.lift.toFixed(2)}`;
  const basis =
    bestTime?.source === 'learned'
      ? `learned from its ${bestTime.posts} measured posts, ${Math.round(placement.confidence * 100)} % its own history`
      : `the network's public prior${
          bestTime === undefined ? '' : `: ${bestTime.posts} measured posts, ${MIN_HISTORY_POSTS} needed to learn`
        }`;
  const offset = placement.naturalOffsetMinutes;
  const cadence = offset === 0 ? '' : ` Moved ${offset > 0 ? '+' : '−'}${Math.abs(offset)} min natural cadence.`;
  return `Best free hour of the day for this account (${lift}, ${basis}).${cadence}`;
}

/** A 32-bit seed from text (FNV-1a), so a plan's week gets the same natural cadence each time it is placed. */
export function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
