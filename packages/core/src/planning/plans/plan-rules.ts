/**
 * What plans need from the workspace strategy: pillar shares and the slot rules. The strategy
 * (planning/strategy) gives the pillars with their shares, the posts per week per network and, when
 * set, its posting rules (daily cap, quiet hours, minimum gap, natural cadence); what it does not set
 * are Plume's cautious defaults. A workspace without a strategy (the wizard skipped) gets the defaults
 * and no pillar shares, and the month view says so (`strategyShare` null).
 */
import type { Database } from '@plume/db/client';
import type { PostingRules } from '@plume/contract/planning/strategy-schemas';
import type { SlotRules } from '../placement/placement-types.ts';
import { getWorkspaceStrategy } from '../strategy/strategy-store.ts';

export type PlanPillar = { key: string; name: string; share: number };
export type PlanRulesSource = {
  pillars: PlanPillar[];
  rules: Omit<SlotRules, 'zone'>;
  /** Natural cadence: ± this many minutes of open variation on each placed time; 0 = off. */
  naturalCadenceMinutes: number;
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
  naturalCadenceMinutes: 0,
  fromStrategy: false,
});

const minuteOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

/** The strategy's posting rules as placement reads them; the defaults where the strategy sets none. */
export function slotRulesFromPosting(rules: PostingRules | undefined): Omit<SlotRules, 'zone' | 'cadencePerWeek'> {
  if (rules === undefined) return DEFAULT_PLAN_RULES;
  return {
    postsPerDayPerAccount: rules.postsPerDayPerAccount,
    quietHours:
      rules.quietHours === null
        ? []
        : [{ fromMinute: minuteOf(rules.quietHours.from), toMinute: minuteOf(rules.quietHours.to) }],
    minGapMinutes: rules.minGapMinutes,
  };
}

/** The workspace strategy's pillars, cadence and posting rules over the defaults; the defaults without one. */
export const strategyRulesLoader: PlanRulesLoader = async (db, workspaceId) => {
  const strategy = await getWorkspaceStrategy(db, workspaceId);
  if (strategy === null) return defaultRulesLoader(db, workspaceId);
  const cadencePerWeek: Record<string, number> = {};
  for (const [network, perWeek] of Object.entries(strategy.cadence))
    if (perWeek !== undefined) cadencePerWeek[network] = perWeek;
  return {
    pillars: strategy.pillars.map(({ key, name, share }) => ({ key, name, share })),
    rules: { ...slotRulesFromPosting(strategy.rules), cadencePerWeek },
    naturalCadenceMinutes: strategy.rules?.naturalCadenceMinutes ?? 0,
    fromStrategy: true,
  };
};

/** The rules for one plan: the strategy's, with the default cadence for networks it does not name. */
export function slotRulesFor(source: PlanRulesSource, zone: string, networks: readonly string[]): SlotRules {
  const cadencePerWeek: Record<string, number> = {};
  for (const network of networks) cadencePerWeek[network] = source.rules.cadencePerWeek[network] ?? DEFAULT_CADENCE;
  return { ...source.rules, zone, cadencePerWeek };
}
