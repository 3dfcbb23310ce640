import { useMutation, useQueryClient } from '@tanstack/react-query';
import { competitorSchema, type WireCompetitor } from '@plume/contract/competitors/competitor-schemas';
import { Button } from '../../components/button.tsx';
import { api } from '../../lib/api.ts';
import { errorMessageOf } from '../../lib/field-errors.ts';
import { formatTime } from '../../lib/format-time.ts';
import { useNetworkName } from '../networks/use-network-name.ts';
import { formatCount, formatMean } from '../analytics/analytics-format.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';
import { competitorsQueryOptions } from './competitors-query.ts';

const STATE_TEXT: Record<WireCompetitor['state'], string> = {
  pending: 'Reading…',
  ok: 'Read',
  not_found: 'Not found',
  error: 'Could not read',
};

/** One competitor: who, how their reading went, their cadence and engagement, and its actions. */
export function CompetitorRow(props: {
  workspaceId: string;
  competitor: WireCompetitor;
  timeZone: string;
  canEdit: boolean;
}) {
  const { workspaceId, competitor, timeZone, canEdit } = props;
  const queryClient = useQueryClient();
  const networkName = useNetworkName();
  const path = `${workspacePath(workspaceId)}/competitors/${encodeURIComponent(competitor.id)}`;
  const invalidate = () => queryClient.invalidateQueries({ queryKey: competitorsQueryOptions(workspaceId).queryKey });
  const refresh = useMutation({
    mutationFn: () => api.post(`${path}/refresh`, {}, competitorSchema),
    onSuccess: invalidate,
  });
  const remove = useMutation({ mutationFn: () => api.delete(path), onSuccess: invalidate });
  const name = competitor.displayName ?? competitor.handle;
  const failure = refresh.error ?? remove.error;
  return (
    <tr className="align-top">
      <td className="py-3 pr-4">
        <span className="font-medium text-ink">{name}</span>
        <span className="block text-xs text-muted">
          {networkName(competitor.network)} ·{' '}
          {competitor.profileUrl ? (
            <a href={competitor.profileUrl} target="_blank" rel="noreferrer noopener" className="underline">
              {competitor.handle}
            </a>
          ) : (
            competitor.handle
          )}
        </span>
        {competitor.topHashtags.length > 0 ? (
          <span className="block text-xs text-muted">
            Often uses {competitor.topHashtags.map((tag) => `#${tag}`).join(' ')}
          </span>
        ) : null}
      </td>
      <td className="py-3 pr-4">
        <span className={competitor.state === 'ok' || competitor.state === 'pending' ? 'text-ink' : 'text-danger'}>
          {STATE_TEXT[competitor.state]}
        </span>
        {competitor.stateMessage ? <span className="block text-xs text-muted">{competitor.stateMessage}</span> : null}
        <span className="block text-xs text-muted">
          Last read {formatTime(competitor.lastFetchedAt, timeZone, { withZone: false })}
        </span>
      </td>
      <td className="py-3 pr-4 text-right tabular-nums">{formatMean(competitor.stats.postsPerWeek)}</td>
      <td className="py-3 pr-4 text-right tabular-nums">{formatCount(competitor.stats.medianEngagements)}</td>
      <td className="py-3 pr-4 text-right tabular-nums">{formatCount(competitor.followers)}</td>
      <td className="py-3 text-right whitespace-nowrap">
        {canEdit ? (
          <div className="flex justify-end gap-2">
            <Button
              variant="secondary"
              onClick={() => refresh.mutate()}
              isPending={refresh.isPending}
              pendingLabel="Asking…"
            >
              Read again<span className="sr-only"> {name}</span>
            </Button>
            <Button
              variant="secondary"
              onClick={() => remove.mutate()}
              isPending={remove.isPending}
              pendingLabel="Removing…"
            >
              Remove<span className="sr-only"> {name}</span>
            </Button>
          </div>
        ) : null}
        {failure ? (
          <p role="alert" className="mt-1 text-sm text-danger">
            {errorMessageOf(failure)}
          </p>
        ) : null}
      </td>
    </tr>
  );
}
