/**
 * Where the Intelligence agent reads competitors' public posts from. The competitors module (accounts
 * the user names, read through networks' official public APIs) plugs in here; until it does, the
 * source says nothing and the summary's competitor list is empty.
 */
import type { CompetitorSummary } from '@plume/contract/agents/agent-outputs';

export interface CompetitorSummarySource {
  /** At most `limit` short summaries of the workspace's named competitors. */
  summaries(workspaceId: string, limit: number): Promise<CompetitorSummary[]>;
}

export const noCompetitors: CompetitorSummarySource = {
  summaries: () => Promise.resolve([]),
};
