/**
 * The cost analysis: the ledger's breakdown (per day, provider, model and task) grouped by one of
 * them, with totals. Money stays in micro-dollars here; the API shows dollars.
 */
import type { CostRow } from './manage-llm-settings.ts';

export const COST_GROUPS = ['day', 'provider', 'model', 'task'] as const;
export type CostGroup = (typeof COST_GROUPS)[number];

export type CostSummary = {
  calls: number;
  costMicros: number;
  inputTokens: number;
  outputTokens: number;
  cacheHits: number;
  failures: number;
};

const empty = (): CostSummary => ({
  calls: 0,
  costMicros: 0,
  inputTokens: 0,
  outputTokens: 0,
  cacheHits: 0,
  failures: 0,
});

function add(into: CostSummary, row: CostRow): void {
  into.calls += row.calls;
  into.costMicros += row.costMicros;
  into.inputTokens += row.inputTokens;
  into.outputTokens += row.outputTokens;
  into.cacheHits += row.cacheHits;
  into.failures += row.failures;
}

/** Groups rows by `groupBy` (a model is named `provider/model`; refused calls have an empty provider: `none`). */
export function summarizeCosts(
  rows: readonly CostRow[],
  groupBy: CostGroup,
): { items: Array<CostSummary & { key: string }>; totals: CostSummary } {
  const groups = new Map<string, CostSummary>();
  const totals = empty();
  for (const row of rows) {
    const provider = row.provider === '' ? 'none' : row.provider;
    const key =
      groupBy === 'day'
        ? row.day
        : groupBy === 'provider'
          ? provider
          : groupBy === 'model'
            ? `${provider}/${row.model || 'none'}`
            : row.task;
    const group = groups.get(key) ?? empty();
    add(group, row);
    add(totals, row);
    groups.set(key, group);
  }
  const items = [...groups.entries()].map(([key, summary]) => ({ key, ...summary }));
  if (groupBy !== 'day') items.sort((a, b) => b.costMicros - a.costMicros || b.calls - a.calls);
  return { items, totals };
}
