/**
 * Applying a Strategy agent's proposal (a reviewed step, inside the caller's transaction): the first
 * month's pillar mix becomes the workspace strategy's shares (whole numbers adding up to 100), its KPI
 * targets are set (matched to the strategy's KPIs by key or name, new ones added), and each month's
 * themes go to that month's plan: spread over its weeks, in a new plan when the month has none.
 */
import { and, eq } from 'drizzle-orm';
import type { Tx } from '@plume/db/client';
import { plans, type WeekTheme } from '@plume/db/schema/planning';
import type { StrategyProposal } from '@plume/contract/agents/agent-outputs';
import type { WorkspaceStrategy } from '@plume/contract/planning/strategy-schemas';
import { AppError } from '@plume/errors/app-error';
import type { AuditActor } from '../../audit/record-audit.ts';
import { weeksOfMonth } from '../../planning/plans/plan-calendar.ts';
import { getWorkspaceStrategy, saveStrategyIn } from '../../planning/strategy/strategy-store.ts';

type KpiTarget = WorkspaceStrategy['kpiTargets'][number];
const MAX_KPI_TARGETS = 10;

/** Shares as whole numbers adding up to exactly 100 (largest remainders), in the given order. */
export function wholeShares(shares: readonly number[]): number[] {
  const total = shares.reduce((sum, share) => sum + Math.max(0, share), 0);
  if (total === 0) return shares.map((_, index) => (index === 0 ? 100 : 0));
  const exact = shares.map((share) => (Math.max(0, share) / total) * 100);
  const floors = exact.map(Math.floor);
  let left = 100 - floors.reduce((sum, value) => sum + value, 0);
  const order = exact
    .map((value, index) => ({ index, rest: value - Math.floor(value) }))
    .sort((a, b) => b.rest - a.rest);
  for (const { index } of order) {
    if (left <= 0) break;
    floors[index] = (floors[index] ?? 0) + 1;
    left -= 1;
  }
  return floors;
}

function unitOf(unit: string): KpiTarget['unit'] {
  const words = unit.toLowerCase();
  if (words.includes('%') || words.includes('percent')) return 'percent';
  if (words.includes('week')) return 'per_week';
  if (words.includes('$') || words.includes('usd') || words.includes('dollar')) return 'usd';
  return 'count';
}

function keyOf(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 38);
  return /^[a-z]/.test(slug) ? slug : `k_${slug}`.slice(0, 40);
}

/** The strategy's KPI targets with the proposal's set: a known KPI gets its target, a new one is added. */
export function mergeKpiTargets(current: readonly KpiTarget[], proposed: StrategyProposal['kpiTargets']): KpiTarget[] {
  const merged = current.map((kpi) => ({ ...kpi }));
  for (const item of proposed) {
    const key = keyOf(item.kpi);
    const name = item.kpi.trim().toLowerCase();
    const target = Math.min(1_000_000_000, Math.max(0, item.target));
    const known = merged.find((kpi) => kpi.key === key || kpi.name.toLowerCase() === name);
    if (known !== undefined) known.target = target;
    else if (merged.length < MAX_KPI_TARGETS)
      merged.push({ key, name: item.kpi.trim().slice(0, 80), unit: unitOf(item.unit), target });
  }
  return merged;
}

/** A month's themes spread over its weeks in order (two themes over four weeks: two weeks each). */
export function themesForWeeks(month: string, themes: readonly string[]): WeekTheme[] {
  const weeks = weeksOfMonth(month);
  return weeks.map((week, index) => ({
    week,
    theme: themes[Math.floor((index * themes.length) / weeks.length)] ?? themes[0] ?? '',
  }));
}

export type AppliedProposal = {
  pillars: Array<{ key: string; before: number; after: number }>;
  kpiTargets: KpiTarget[];
  plans: Array<{ id: string; month: string; created: boolean }>;
};

async function themesIntoPlans(tx: Tx, workspaceId: string, userId: string | null, proposal: StrategyProposal) {
  const touched: AppliedProposal['plans'] = [];
  for (const month of proposal.months) {
    const themes = themesForWeeks(month.month, month.themes);
    const now = new Date();
    const [updated] = await tx
      .update(plans)
      .set({ themes, updatedAt: now })
      .where(and(eq(plans.workspaceId, workspaceId), eq(plans.month, month.month)))
      .returning({ id: plans.id });
    if (updated !== undefined) {
      touched.push({ id: updated.id, month: month.month, created: false });
      continue;
    }
    const [created] = await tx
      .insert(plans)
      .values({ workspaceId, month: month.month, themes, createdBy: userId })
      .returning({ id: plans.id });
    if (!created) throw new Error('plan insert returned no row');
    touched.push({ id: created.id, month: month.month, created: true });
  }
  return touched;
}

export async function applyStrategyProposal(
  tx: Tx,
  input: { workspaceId: string; actor: AuditActor; userId: string | null; proposal: StrategyProposal },
): Promise<AppliedProposal> {
  const stored = await getWorkspaceStrategy(tx, input.workspaceId);
  if (stored === null)
    throw AppError.conflict('This workspace has no strategy yet: run the setup wizard first, then apply the proposal.');
  const { updatedAt: _updatedAt, ...strategy } = stored;
  const mix = new Map((input.proposal.months[0]?.pillarMix ?? []).map((item) => [item.pillar, item.share]));
  const unknown = [...mix.keys()].filter((key) => !strategy.pillars.some((pillar) => pillar.key === key));
  if (unknown.length > 0)
    throw AppError.conflict(
      `The strategy's pillars changed since this proposal: ${unknown.join(', ')} is no longer one of them. Start a new strategy run.`,
    );
  const after = wholeShares(strategy.pillars.map((pillar) => mix.get(pillar.key) ?? 0));
  const pillars = strategy.pillars.map((pillar, index) => ({ ...pillar, share: after[index] ?? 0 }));
  const kpiTargets = mergeKpiTargets(strategy.kpiTargets, input.proposal.kpiTargets);
  await saveStrategyIn(tx, {
    workspaceId: input.workspaceId,
    actor: input.actor,
    strategy: { ...strategy, pillars, kpiTargets },
    action: 'strategy.proposal_applied',
  });
  return {
    pillars: strategy.pillars.map((pillar, index) => ({
      key: pillar.key,
      before: pillar.share,
      after: after[index] ?? 0,
    })),
    kpiTargets,
    plans: await themesIntoPlans(tx, input.workspaceId, input.userId, input.proposal),
  };
}
