/**
 * Budgets are checked before a call, with an estimate: a paid candidate whose estimate would take a
 * money cap over is skipped (local models stay allowed); a request cap refuses every call; from the
 * workspace's degrade threshold on, cheaper models are tried first. Alerts go out at 80, 90 and 100 %.
 */

export type BudgetLimits = {
  dailyLimitMicros: number | null;
  monthlyLimitMicros: number | null;
  dailyRequestLimit: number | null;
  monthlyRequestLimit: number | null;
  degradeAtPercent: number;
};

export type BudgetView = {
  limits: BudgetLimits;
  day: { costMicros: number; requests: number };
  month: { costMicros: number; requests: number };
};

/** A period's running totals (`day:2026-12-04`, `month:2026-12`) and the alert thresholds already announced. */
export type PeriodSpend = { period: string; costMicros: number; requests: number; alerted: number[] };

export const NO_LIMITS: BudgetLimits = {
  dailyLimitMicros: null,
  monthlyLimitMicros: null,
  dailyRequestLimit: null,
  monthlyRequestLimit: null,
  degradeAtPercent: 80,
};

export const ALERT_THRESHOLDS = [80, 90, 100] as const;

/** A request cap that is reached, in plain words, or null. */
export function requestCapReached(view: BudgetView): string | null {
  const { limits, day, month } = view;
  if (limits.dailyRequestLimit !== null && day.requests >= limits.dailyRequestLimit)
    return `the daily limit of ${limits.dailyRequestLimit} model requests is reached (it resets at 00:00 UTC)`;
  if (limits.monthlyRequestLimit !== null && month.requests >= limits.monthlyRequestLimit)
    return `the monthly limit of ${limits.monthlyRequestLimit} model requests is reached`;
  return null;
}

/** Why a paid call estimated at `estimateMicros` would go over a money cap, or null when it fits. */
export function moneyCapBlocks(view: BudgetView, estimateMicros: number): string | null {
  if (estimateMicros <= 0) return null;
  const { limits, day, month } = view;
  if (limits.dailyLimitMicros !== null && day.costMicros + estimateMicros > limits.dailyLimitMicros)
    return `it would go over the daily budget of ${formatUsd(limits.dailyLimitMicros)} (${formatUsd(day.costMicros)} used)`;
  if (limits.monthlyLimitMicros !== null && month.costMicros + estimateMicros > limits.monthlyLimitMicros)
    return `it would go over the monthly budget of ${formatUsd(limits.monthlyLimitMicros)} (${formatUsd(month.costMicros)} used)`;
  return null;
}

/** True from the degrade threshold of either money cap on: cheaper and local models go first. */
export function shouldDegrade(view: BudgetView): boolean {
  const { limits, day, month } = view;
  const over = (used: number, limit: number | null) => limit !== null && used * 100 >= limit * limits.degradeAtPercent;
  return over(day.costMicros, limits.dailyLimitMicros) || over(month.costMicros, limits.monthlyLimitMicros);
}

export type CrossedThreshold = { period: string; threshold: number; usedMicros: number; limitMicros: number };

/** Alert thresholds the new totals have reached and that were not announced yet. */
export function crossedThresholds(limits: BudgetLimits, spend: readonly PeriodSpend[]): CrossedThreshold[] {
  const crossed: CrossedThreshold[] = [];
  for (const period of spend) {
    const limit = period.period.startsWith('day:') ? limits.dailyLimitMicros : limits.monthlyLimitMicros;
    if (limit === null || limit <= 0) continue;
    const reached = ALERT_THRESHOLDS.filter(
      (threshold) => period.costMicros * 100 >= limit * threshold && !period.alerted.includes(threshold),
    );
    const highest = reached.at(-1);
    if (highest !== undefined)
      crossed.push({ period: period.period, threshold: highest, usedMicros: period.costMicros, limitMicros: limit });
  }
  return crossed;
}

export function formatUsd(micros: number): string {
  return `$${(micros / 1_000_000).toFixed(micros < 10_000 ? 4 : 2)}`;
}
