/**
 * What plans need from the workspace strategy: pillar shares and the slot rules (cadence, daily cap,
 * quiet hours, minimum gap). The strategy itself is its own module (planning/strategy, issue 13's
 * strategy work); until it is wired here, every workspace gets DEFAULT_PLAN_RULES and no pillar
 * shares, and the month view says so (`strategyShare` null).
 */
import type { Database } from '@plume/db/client';
import type { SlotRules } from '../placement/placement-types.ts';

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

/** The loader the lead replaces at merge with one reading `getWorkspaceStrategy(db, workspaceId)`. */
export type PlanRulesLoader = (db: Database, workspaceId: string) => Promise<PlanRulesSource>;

export const defaultRulesLoader: PlanRulesLoader = async () => ({
  pillars: [],
  rules: DEFAULT_PLAN_RULES,
  fromStrategy: false,
});

/** The rules for one plan: the strategy's, with the default cadence for networks it does not name. */
export function slotRulesFor(source: PlanRulesSource, zone: string, networks: readonly string[]): SlotRules {
  const cadencePerWeek: Record<string, number> = {};
  for (const network of networks) cadencePerWeek[network] = source.rules.cadencePerWeek[network] ?? DEFAULT_CADENCE;
  return { ...source.rules, zone, cadencePerWeek };
}
