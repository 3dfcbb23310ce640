/**
 * The gateway's budget read on PostgreSQL: the workspace's caps and this day's and month's running spend
 * in one row, optionally with the live cached answers for the call (the gateway's one round trip).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import type { BudgetView } from '@plume/llm/gateway/budget';
import { periodsOf, type CachedAnswer } from '@plume/llm/gateway/gateway-store';
import { executePrepared } from './execute-prepared.ts';

type BudgetRow = {
  daily_limit_micros: string | null;
  monthly_limit_micros: string | null;
  daily_request_limit: number | null;
  monthly_request_limit: number | null;
  degrade_at_percent: number | null;
  day_cost: string | null;
  day_requests: number | null;
  month_cost: string | null;
  month_requests: number | null;
};

/** The budget's columns and joins; `extra` adds columns to the one row. */
function budgetQuery(workspaceId: string, at: Date, extra: SQL = sql``): SQL {
  const { day, month } = periodsOf(at);
  return sql`
    SELECT b.daily_limit_micros, b.monthly_limit_micros, b.daily_request_limit, b.monthly_request_limit, b.degrade_at_percent,
           d.cost_micros AS day_cost, d.requests AS day_requests, m.cost_micros AS month_cost, m.requests AS month_requests${extra}
    FROM (SELECT 1) AS one
    LEFT JOIN llm_budgets b ON b.workspace_id = ${workspaceId}
    LEFT JOIN llm_spend d ON d.workspace_id = ${workspaceId} AND d.period = ${day}
    LEFT JOIN llm_spend m ON m.workspace_id = ${workspaceId} AND m.period = ${month}`;
}

function toBudgetView(row: BudgetRow | undefined): BudgetView {
  const number = (value: string | number | null | undefined) =>
    value === null || value === undefined ? null : Number(value);
  return {
    limits: {
      dailyLimitMicros: number(row?.daily_limit_micros),
      monthlyLimitMicros: number(row?.monthly_limit_micros),
      dailyRequestLimit: row?.daily_request_limit ?? null,
      monthlyRequestLimit: row?.monthly_request_limit ?? null,
      degradeAtPercent: row?.degrade_at_percent ?? 80,
    },
    day: { costMicros: number(row?.day_cost) ?? 0, requests: row?.day_requests ?? 0 },
    month: { costMicros: number(row?.month_cost) ?? 0, requests: row?.month_requests ?? 0 },
  };
}

/** The workspace's caps and what this day and month have used so far, in one query. */
export async function readBudget(db: Database, workspaceId: string, at: Date): Promise<BudgetView> {
  const result = await executePrepared<BudgetRow>(db, budgetQuery(workspaceId, at));
  return toBudgetView(result.rows[0]);
}

/**
 * The budget and the live answers among `keys` in one read-only statement: the gateway's single round
 * trip before it calls a model. The served answer's hit is counted with its ledger row.
 */
export async function readBudgetAndCache(
  db: Database,
  workspaceId: string,
  keys: readonly string[],
  now: Date,
): Promise<{ budget: BudgetView; hits: Map<string, CachedAnswer> }> {
  if (keys.length === 0) return { budget: await readBudget(db, workspaceId, now), hits: new Map() };
  const live = sql`SELECT coalesce(json_agg(json_build_object('key', c.key, 'answer', c.answer)), '[]'::json) FROM llm_cache c
    WHERE c.key IN (${sql.join(
      keys.map((key) => sql`${key}`),
      sql`, `,
    )}) AND c.expires_at > ${now}`;
  const result = await executePrepared<BudgetRow & { hits: { key: string; answer: CachedAnswer }[] }>(
    db,
    budgetQuery(workspaceId, now, sql`, (${live}) AS hits`),
  );
  const row = result.rows[0];
  return { budget: toBudgetView(row), hits: new Map((row?.hits ?? []).map((item) => [item.key, item.answer])) };
}
