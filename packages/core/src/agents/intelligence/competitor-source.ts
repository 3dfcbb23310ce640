/**
 * Where the Intelligence agent reads competitors' public posts from: the accounts the user named, read
 * through networks' official public APIs (packages/core/src/competitors). Each becomes one short line
 * of figures, tags and topics — never their posts' text — so five of them fit a small model's prompt.
 */
import type { Database } from '@plume/db/client';
import type { CompetitorSummary } from '@plume/contract/agents/agent-outputs';
import type { CompetitorSummaryItem } from '@plume/contract/competitors/competitor-schemas';
import { summarizeCompetitors } from '../../competitors/summarize-competitors.ts';

export interface CompetitorSummarySource {
  /** At most `limit` short summaries of the workspace's named competitors. */
  summaries(workspaceId: string, limit: number): Promise<CompetitorSummary[]>;
}

/** For runs that should name no competitors (and tests of the agent alone). */
export const noCompetitors: CompetitorSummarySource = {
  summaries: () => Promise.resolve([]),
};

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MAX_SUMMARY = 300;

function percent(share: number | null): string | null {
  return share === null ? null : `${Math.round(share * 100)}%`;
}

/** One competitor as a line of at most 300 characters: cadence, engagement, when, tags, topics. */
export function describeCompetitor(item: CompetitorSummaryItem): string {
  const parts = [
    `${item.postsPerWeek.toFixed(1)} posts/week`,
    item.medianEngagements === null ? null : `median ${Math.round(item.medianEngagements)} engagements`,
    item.followers === null ? null : `${item.followers} followers`,
    item.mediaShare === null ? null : `media ${percent(item.mediaShare)}`,
    item.linkShare === null ? null : `links ${percent(item.linkShare)}`,
    item.activeHours.length === 0 ? null : `posts at ${item.activeHours.map((entry) => `${entry.hour}h`).join(', ')}`,
    item.activeWeekdays.length === 0
      ? null
      : `on ${item.activeWeekdays.map((entry) => WEEKDAYS[entry.weekday]).join(', ')}`,
    item.topHashtags.length === 0 ? null : `tags ${item.topHashtags.map((entry) => `#${entry.value}`).join(' ')}`,
    item.topTopics.length === 0 ? null : `topics ${item.topTopics.map((entry) => entry.value).join(' ')}`,
  ];
  const line = parts.filter((part) => part !== null).join('; ');
  return line.length <= MAX_SUMMARY ? line : `${line.slice(0, MAX_SUMMARY - 1)}…`;
}

/** The competitors the workspace follows, those read with posts first, most active first. */
export function storedCompetitors(db: Database): CompetitorSummarySource {
  return {
    async summaries(workspaceId, limit) {
      const summary = await summarizeCompetitors(db, workspaceId);
      return summary.competitors
        .filter((item) => item.posts > 0)
        .sort((a, b) => b.postsPerWeek - a.postsPerWeek)
        .slice(0, limit)
        .map((item) => ({ network: item.network, handle: item.handle, summary: describeCompetitor(item) }));
    },
  };
}
