/**
 * The `results` step's work: the week read from the database, each account's best-time model for what
 * its slots were expected to do, the strategy's KPI targets, summarized (week-results.ts).
 */
import type { Database } from '@plume/db/client';
import type { WeekResults } from '@plume/contract/agents/learning-outputs';
import { accountModels } from '../../insights/account-models.ts';
import { getWorkspaceStrategy } from '../../planning/strategy/strategy-store.ts';
import { abResultsForWeek } from '../../planning/ab-tests/ab-results.ts';
import { summarizeAbTests } from './week-ab-tests.ts';
import { readWeek } from './week-data.ts';
import { summarizeWeek } from './week-results.ts';
import type { LearningPillar } from './retrospective-prompt.ts';

const MAX_MODELLED_ACCOUNTS = 8;

export async function readWeekResults(
  db: Pick<Database, 'select'>,
  input: { workspaceId: string; zone: string; monday: string; pillars: readonly LearningPillar[] },
): Promise<WeekResults> {
  const data = await readWeek(db, input);
  const strategy = await getWorkspaceStrategy(db, input.workspaceId);
  const accountIds = new Set([
    ...data.briefs.flatMap((brief) => (brief.measurement === null ? [] : [brief.accountId])),
    ...data.unplanned.map((post) => post.measurement.accountId),
  ]);
  const models = new Map<string, Awaited<ReturnType<typeof accountModels>>>();
  for (const accountId of [...accountIds].slice(0, MAX_MODELLED_ACCOUNTS))
    models.set(accountId, await accountModels(db, { workspaceId: input.workspaceId, accountId, zone: input.zone }));
  return summarizeWeek(data, {
    monday: input.monday,
    zone: input.zone,
    pillars: input.pillars,
    kpiTargets: strategy?.kpiTargets ?? [],
    expectedLift: (accountId, at) => models.get(accountId)?.bestTime.liftAt(at) ?? 1,
    abTests: summarizeAbTests(await abResultsForWeek(db, input.workspaceId, input.monday)),
  });
}
