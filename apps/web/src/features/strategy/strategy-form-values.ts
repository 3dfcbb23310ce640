/** The strategy editor's values as typed, and the body they become. */
import type { StrategyBody, StrategyView } from '@plume/contract/planning/strategy-schemas';
import { ApiError } from '../../lib/api.ts';
import { relativePath } from '../../lib/field-errors.ts';

export type Stored = NonNullable<StrategyView['strategy']>;

export type FormValues = {
  pillars: { key: string; name: string; share: string; description: string }[];
  cadence: [string, string][];
  targets: Record<string, string>;
  budget: string;
  rules: RuleValues;
};

/** The posting rules as typed; empty quiet hours (both) mean none. */
export type RuleValues = { perDay: string; quietFrom: string; quietTo: string; gap: string; natural: string };

/** Plume's defaults, shown when the strategy sets no rules yet. */
export const DEFAULT_RULE_VALUES: RuleValues = {
  perDay: '2',
  quietFrom: '22:00',
  quietTo: '07:00',
  gap: '120',
  natural: '0',
};

function ruleValues(rules: Stored['rules']): RuleValues {
  if (rules === undefined) return DEFAULT_RULE_VALUES;
  return {
    perDay: String(rules.postsPerDayPerAccount),
    quietFrom: rules.quietHours?.from ?? '',
    quietTo: rules.quietHours?.to ?? '',
    gap: String(rules.minGapMinutes),
    natural: String(rules.naturalCadenceMinutes),
  };
}

function rulesBody(values: RuleValues): NonNullable<StrategyBody['rules']> {
  const none = values.quietFrom.trim() === '' && values.quietTo.trim() === '';
  return {
    postsPerDayPerAccount: numberOf(values.perDay),
    quietHours: none ? null : { from: values.quietFrom.trim(), to: values.quietTo.trim() },
    minGapMinutes: numberOf(values.gap),
    naturalCadenceMinutes: numberOf(values.natural),
  };
}

export function toValues(strategy: Stored): FormValues {
  return {
    pillars: strategy.pillars.map((pillar) => ({ ...pillar, share: String(pillar.share) })),
    cadence: Object.entries(strategy.cadence).map(([network, count]) => [network, String(count)]),
    targets: Object.fromEntries(
      strategy.kpiTargets.map((kpi) => [kpi.key, kpi.target === null ? '' : String(kpi.target)]),
    ),
    budget: strategy.monthlyAiBudgetUsd === null ? '' : String(strategy.monthlyAiBudgetUsd),
    rules: ruleValues(strategy.rules),
  };
}

/** A typed number, or NaN for text the API will refuse at its field (never silently 0). */
function numberOf(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

export function toBody(strategy: Stored, values: FormValues): StrategyBody {
  const { updatedAt: _updatedAt, ...rest } = strategy;
  return {
    ...rest,
    pillars: values.pillars.map((pillar) => ({ ...pillar, share: numberOf(pillar.share) })),
    cadence: Object.fromEntries(values.cadence.map(([network, count]) => [network, numberOf(count)])),
    kpiTargets: strategy.kpiTargets.map((kpi) => {
      const typed = values.targets[kpi.key] ?? '';
      return { ...kpi, target: typed.trim() === '' ? null : numberOf(typed) };
    }),
    monthlyAiBudgetUsd: values.budget.trim() === '' ? null : numberOf(values.budget),
    rules: rulesBody(values.rules),
  };
}

export function totalShare(values: FormValues): number {
  return values.pillars.reduce((sum, pillar) => sum + (Number(pillar.share) || 0), 0);
}

/** Problems of a refused save by path inside the body (`pillars/0/share`), to show at each field. */
export function problemsByPath(error: unknown): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  return Object.fromEntries(error.errors.map((problem) => [relativePath(problem.path), problem.message]));
}

/** An empty pillar with a key no other pillar has (`pillar_3`…), to be named and given a share. */
export function newPillar(values: FormValues): FormValues['pillars'][number] {
  const keys = new Set(values.pillars.map((pillar) => pillar.key));
  let number = values.pillars.length + 1;
  while (keys.has(`pillar_${number}`)) number += 1;
  return { key: `pillar_${number}`, name: '', share: '0', description: '' };
}
