/**
 * What plans need from the workspace strategy: pillar shares and the slot rules. The strategy
 * (planning/strategy) gives the pillars with their shares and the posts per week per network; the daily
 * cap, quiet hours and minimum gap are Plume's cautious defaults. A workspace without a strategy (the
 * wizard skipped) gets the defaults and no pillar shares, and the month view says so (`strategyShare` null).
 */
import type { Database } from '@plume/db/client';
import type { SlotRules } from '../placement/placement-types.ts';
import { getWorkspaceStrategy } from '../strategy/strategy-store.ts';

export type PlanPillar = { key: string; name: string; share: number };
export type PlanRulesSource = {
  pillars: PlanPillar[];
  rules: Omit<SlotRules, 'zone'>;
  /** False while the workspace has no strategy: the rules are Plume's defaults. */
  fromStrategy: boolean;
};

/** Cautious defaults: 5 posts a week per account on every network, 2 a day, nothing 22:00–07:00, 2 hours apart. */
export const DEFAULT_PLAN_RULES: Omit<SlotRules, 'zone'> = {
  cadencePerWeek: {},
  postsPerDayPerAccount: 2,
  quietHours: [{ fromMinute: 22 * 60, toMinute: 7 * 60 }],
  minGapMinutes: 120,
};
export const DEFAULT_CADENCE = 5;

/** Where a plan's rules come from: the workspace strategy unless a caller gives another source. */
export type PlanRulesLoader = (db: Database, workspaceId: string) => Promise<PlanRulesSource>;

export const defaultRulesLoader: PlanRulesLoader = async () => ({
  pillars: [],
  rules: DEFAULT_PLAN_RULES,
  fromStrategy: false,
});

/** The workspace strategy's pillars and cadence over the default slot rules; the defaults without one. */
export const strategyRulesLoader: PlanRulesLoader = async (db, workspaceId) => {
  const strategy = await getWorkspaceStrategy(db, workspaceId);
  if (strategy === null) return defaultRulesLoader(db, workspaceId);
  const cadencePerWeek: Record<string, number> = {};
  for (const [network, perWeek] of Object.entries(strategy.cadence))
    if (perWeek !== undefined) cadencePerWeek[network] = perWeek;
  return {
    pillars: strategy.pillars.map(({ key, name, share }) => ({ key, name, share })),
    rules: { ...DEFAULT_PLAN_RULES, cadencePerWeek },
    fromStrategy: true,
  };
};

/** The rules for one plan: the strategy's, with the default cadence for networks it does not name. */
export function slotRulesFor(source: PlanRulesSource, zone: string, networks: readonly string[]): SlotRules {
  const cadencePerWeek: Record<string, number> = {};
  for (const network of networks) cadencePerWeek[network] = source.rules.cadencePerWeek[network] ?? DEFAULT_CADENCE;
  return { ...source.rules, zone, cadencePerWeek };
}
