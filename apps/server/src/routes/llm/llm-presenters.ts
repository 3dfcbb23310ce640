/** Money is micro-dollars inside Plume and US dollars in the API; these turn one into the other. */
import type { PlanStep } from '@plume/core/llm/plan-model-call';
import type { ModelStats } from '@plume/core/llm/model-stats';

export const usd = (micros: number) => micros / 1_000_000;
export const usdOrNull = (micros: number | null) => (micros === null ? null : usd(micros));

export function presentStats(row: ModelStats) {
  const { costPer1kTokensMicros, totalCostMicros, ...rest } = row;
  return { ...rest, costPer1kTokensUsd: usdOrNull(costPer1kTokensMicros), totalCostUsd: usd(totalCostMicros) };
}

export const presentStep = ({ estimatedCostMicros, ...step }: PlanStep) => ({
  ...step,
  ...(estimatedCostMicros === undefined ? {} : { estimatedCostUsd: usd(estimatedCostMicros) }),
});
