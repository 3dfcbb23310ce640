/**
 * Where the Strategy agent reads the workspace's current strategy (pillars with their shares, goals):
 * the stored workspace strategy (packages/core/src/planning/strategy). Without one, a run takes its
 * pillars and goals from its request, or else from the brand profile.
 */
import type { Database } from '@plume/db/client';
import { getWorkspaceStrategy } from '../../planning/strategy/strategy-store.ts';

export type CurrentStrategy = {
  pillars: Array<{ key: string; name: string; share: number }>;
  goals: string[];
};

export interface CurrentStrategySource {
  current(workspaceId: string): Promise<CurrentStrategy | null>;
}

export const noCurrentStrategy: CurrentStrategySource = { current: () => Promise.resolve(null) };

/** The workspace's saved strategy, as the Strategy agent reads it. */
export function storedStrategy(db: Pick<Database, 'select'>): CurrentStrategySource {
  return {
    async current(workspaceId) {
      const strategy = await getWorkspaceStrategy(db, workspaceId);
      if (strategy === null) return null;
      return {
        pillars: strategy.pillars.map(({ key, name, share }) => ({ key, name, share })),
        goals: [...strategy.goals],
      };
    },
  };
}
