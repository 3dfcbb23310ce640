/** A plan as the month view and week board read it: themes, weeks, briefs, the pillar mix against the strategy. */
import type { PlanGeneration } from '@plume/db/schema/planning';
import { weeksOfMonth } from './plan-calendar.ts';
import type { PlanPillar } from './plan-rules.ts';
import { listBriefViews, summaryOf, type BriefView, type PlanRow } from './plan-store.ts';
import { zoneOf, type PlanDeps } from './plan-world.ts';
import { strategyRulesLoader } from './plan-rules.ts';

export type PillarMix = {
  pillar: string;
  name: string;
  planned: number;
  plannedShare: number;
  strategyShare: number | null;
};

/** Each pillar's count and share of the live briefs, beside the strategy's share (normalised to 100). */
export function pillarMix(
  briefs: readonly Pick<BriefView, 'pillar' | 'state'>[],
  pillars: readonly PlanPillar[],
): PillarMix[] {
  const live = briefs.filter((brief) => brief.state !== 'rejected' && brief.state !== 'replaced');
  const sum = pillars.reduce((total, pillar) => total + Math.max(0, pillar.share), 0);
  const keys = [...pillars.map((pillar) => pillar.key)];
  for (const brief of live) if (!keys.includes(brief.pillar)) keys.push(brief.pillar);
  return keys.map((key) => {
    const planned = live.filter((brief) => brief.pillar === key).length;
    const named = pillars.find((pillar) => pillar.key === key);
    return {
      pillar: key,
      name: named?.name ?? key,
      planned,
      plannedShare: live.length === 0 ? 0 : Math.round((planned / live.length) * 1000) / 10,
      strategyShare: named && sum > 0 ? Math.round((Math.max(0, named.share) / sum) * 1000) / 10 : null,
    };
  });
}

export type PlanDetail = ReturnType<typeof summaryOf> & {
  briefCount: number;
  timezone: string;
  weeks: string[];
  briefs: BriefView[];
  pillarMix: PillarMix[];
  generation: PlanGeneration | null;
};

export async function planDetail(deps: PlanDeps, plan: PlanRow): Promise<PlanDetail> {
  const zone = await zoneOf(deps.db, plan.workspaceId);
  const briefs = await listBriefViews(deps.db, plan.id, zone);
  const source = await (deps.loadRules ?? strategyRulesLoader)(deps.db, plan.workspaceId);
  return {
    ...summaryOf(plan),
    briefCount: briefs.length,
    timezone: zone,
    weeks: weeksOfMonth(plan.month),
    briefs,
    pillarMix: pillarMix(briefs, source.pillars),
    generation: plan.generation,
  };
}
