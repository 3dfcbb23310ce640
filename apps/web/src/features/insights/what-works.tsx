import { useQuery } from '@tanstack/react-query';
import type { WhatWorksResponse } from '@plume/contract/insights/insight-schemas';
import { Card } from '../../components/card.tsx';
import { EmptyState } from '../../components/empty-state.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { whatWorksQueryOptions } from './insights-query.ts';

type Finding = WhatWorksResponse['findings'][number];

const times = (value: number) => `×${value.toFixed(value >= 10 ? 0 : 2)}`;

function FindingCard({ finding }: { finding: Finding }) {
  const more = finding.effect >= 1;
  const percent = Math.round(Math.abs(finding.effect - 1) * 100);
  return (
    <li className="rounded-md border border-line p-3 text-sm">
      <p className="font-medium text-ink">
        {finding.group.charAt(0).toUpperCase() + finding.group.slice(1)}:{' '}
        <span className={finding.isClear ? (more ? 'text-success' : 'text-danger') : 'text-muted'}>
          {percent} % {more ? 'more' : 'less'} engagement
        </span>
      </p>
      <p className="text-muted">
        than {finding.comparedWith} · 95 % interval {times(finding.low)}–{times(finding.high)} · {finding.postsInGroup}{' '}
        vs {finding.postsCompared} posts
        {finding.isClear ? '' : ' · not clear yet (the interval includes no effect)'}
      </p>
    </li>
  );
}

/**
 * What made a difference to engagement on one account or the whole workspace: each comparison with
 * its effect and 95 % interval, clear ones first. Comparisons appear only with enough posts a side.
 */
export function WhatWorks({ workspaceId, accountId }: { workspaceId: string; accountId?: string }) {
  const result = useQuery(whatWorksQueryOptions(workspaceId, accountId));
  return (
    <Card title="What works" description="Compared on your own measured posts, each with its 95 % interval.">
      {result.isPending ? (
        <LoadingState label="Comparing posts…" />
      ) : result.isError ? (
        <ErrorState error={result.error} onRetry={() => void result.refetch()} />
      ) : result.data.findings.length === 0 ? (
        <EmptyState title="Not enough data yet">
          A comparison needs at least {result.data.minPostsPerGroup} measured posts on each side;{' '}
          {result.data.postsAnalysed === 0
            ? 'no posts are measured yet.'
            : `${result.data.postsAnalysed} posts are measured so far.`}
        </EmptyState>
      ) : (
        <ul aria-label="What works" className="space-y-2">
          {[...result.data.findings]
            .sort(
              (a, b) =>
                Number(b.isClear) - Number(a.isClear) || Math.abs(Math.log(b.effect)) - Math.abs(Math.log(a.effect)),
            )
            .map((finding) => (
              <FindingCard key={`${finding.factor}:${finding.group}`} finding={finding} />
            ))}
        </ul>
      )}
    </Card>
  );
}
