/**
 * What the workspace knows, read from its analytics and learned models: per account its best hours
 * (or the public-data prior, said so, with a confidence) and its top and weak posts; across accounts
 * the hashtags and topics it uses, engagement by weekday, what clearly works, and its competitors.
 */
import { hourPriorFor } from '@plume/insights/best-time/hour-prior';
import type { Database } from '@plume/db/client';
import type { IntelligenceFacts } from '@plume/contract/agents/agent-outputs';
import { accountModels } from '../../insights/account-models.ts';
import { whatWorks } from '../../insights/what-works.ts';
import { listAccountRows } from '../../social/account-store.ts';
import type { CompetitorSummarySource } from './competitor-source.ts';
import { rescale, termsOf, topAndWeak, weekdayIndex } from './summarize-history.ts';

export const MAX_ACCOUNTS = 8;
export const MAX_FINDINGS = 5;
export const MAX_COMPETITORS = 5;

export async function gatherFacts(
  deps: { db: Pick<Database, 'select'>; competitors: CompetitorSummarySource },
  input: { workspaceId: string; zone: string },
): Promise<IntelligenceFacts> {
  const accounts = (await listAccountRows(deps.db, input.workspaceId)).slice(0, MAX_ACCOUNTS);
  const pooled = [];
  const summaries: IntelligenceFacts['accounts'] = [];
  for (const account of accounts) {
    const models = await accountModels(deps.db, {
      workspaceId: input.workspaceId,
      accountId: account.id,
      zone: input.zone,
    });
    const { top, weak } = topAndWeak(models.history);
    const { confidence, confidenceLabel } = models.bestTime;
    summaries.push({
      network: account.network,
      handle: account.handle,
      postsAnalysed: models.history.length,
      bestHours: models.bestTime.bestHours(3),
      confidence: confidenceLabel,
      priorSource: confidence < 0.7 ? (hourPriorFor(account.network).source.split(';')[0] ?? null) : null,
      topPosts: top,
      weakPosts: weak,
    });
    pooled.push(...rescale(models.history));
  }
  const works = accounts.length === 0 ? null : await whatWorks(deps.db, input);
  const { hashtags, topics } = termsOf(pooled);
  return {
    timezone: input.zone,
    postsAnalysed: pooled.length,
    accounts: summaries,
    hashtags,
    topics,
    weekdayIndex: weekdayIndex(pooled, input.zone),
    findings: (works?.findings ?? [])
      .filter((finding) => finding.isClear)
      .slice(0, MAX_FINDINGS)
      .map((finding) => finding.summary.slice(0, 200)),
    competitors: (await deps.competitors.summaries(input.workspaceId, MAX_COMPETITORS))
      .slice(0, MAX_COMPETITORS)
      .map((competitor) => ({ ...competitor, summary: competitor.summary.slice(0, 300) })),
  };
}
