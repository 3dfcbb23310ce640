/**
 * The "next free slot" action prefers the best free slot once the accounts have enough history:
 * among the free posting slots of the coming week, the one whose hour the accounts' history (shrunk
 * toward the public prior) rates highest; the earliest wins ties and is the answer without history.
 */
import type { Database } from '@plume/db/client';
import { accountModels, type AccountModels } from './account-models.ts';

/** Measured posts an account needs before its hours outweigh "as soon as possible". */
export const BEST_SLOT_MIN_HISTORY = 50;
/** Only slots within a week of the earliest free one compete: a better hour is not worth a long wait. */
export const BEST_SLOT_WINDOW_MS = 7 * 86_400_000;

export type SlotChoice = { at: Date; reason: 'earliest' | 'best_time' };

/** Chooses among free slots given earliest first (at least one). */
export async function preferBestSlot(
  db: Pick<Database, 'select'>,
  input: { workspaceId: string; zone: string; accountIds: readonly string[]; candidates: readonly Date[] },
): Promise<SlotChoice | null> {
  const [earliest] = input.candidates;
  if (earliest === undefined) return null;
  const models: AccountModels[] = [];
  for (const accountId of input.accountIds) {
    const found = await accountModels(db, { workspaceId: input.workspaceId, accountId, zone: input.zone });
    if (found.history.length >= BEST_SLOT_MIN_HISTORY) models.push(found);
  }
  if (models.length === 0) return { at: earliest, reason: 'earliest' };
  const window = input.candidates.filter((at) => at.getTime() - earliest.getTime() <= BEST_SLOT_WINDOW_MS);
  const liftOf = (at: Date) => models.reduce((sum, model) => sum + Math.log(model.bestTime.liftAt(at)), 0);
  let best = earliest;
  for (const at of window) if (liftOf(at) > liftOf(best) + 1e-9) best = at;
  return { at: best, reason: best === earliest ? 'earliest' : 'best_time' };
}
