import { useQuery } from '@tanstack/react-query';
import type { Account } from '@plume/contract/accounts/account-schemas';
import { Button } from '../../components/button.tsx';
import { errorMessageOf } from '../../lib/field-errors.ts';
import { formatTime, zoneLabel } from '../../lib/format-time.ts';
import { bestTimesQueryOptions } from './insights-query.ts';

interface BestTimesProps {
  workspaceId: string;
  account: Account;
  timezone: string;
  /** Receives the chosen instant (ISO, UTC). */
  onPick: (at: string) => void;
}

const CONFIDENCE: Record<'low' | 'medium' | 'high', string> = {
  low: 'low confidence',
  medium: 'medium confidence',
  high: 'high confidence',
};

/** The account's best free hours in the next week; a click sets the post's time. */
export function BestTimes({ workspaceId, account, timezone, onPick }: BestTimesProps) {
  const best = useQuery(bestTimesQueryOptions(workspaceId, account.id));
  if (best.isPending) return <p className="text-sm text-muted">Finding the best times for {account.handle}…</p>;
  if (best.isError) return <p className="text-sm text-danger">{errorMessageOf(best.error)}</p>;
  const data = best.data;
  return (
    <div className="space-y-2">
      <p className="text-sm font-medium text-ink">
        Best times for {account.handle}{' '}
        <span className="font-normal text-muted">
          ({CONFIDENCE[data.confidenceLabel]}, times in {zoneLabel(timezone)})
        </span>
      </p>
      {data.suggestions.length === 0 ? (
        <p className="text-sm text-muted">No free hour in the next week.</p>
      ) : (
        <ul aria-label={`Best times for ${account.handle}`} className="flex flex-wrap gap-2">
          {data.suggestions.map((item) => (
            <li key={item.at}>
              <Button variant="secondary" onClick={() => onPick(item.at)}>
                {formatTime(item.at, timezone, { withZone: false })}
                {item.lift >= 1.05 ? ` · +${Math.round((item.lift - 1) * 100)} %` : ''}
              </Button>
            </li>
          ))}
        </ul>
      )}
      {data.prior === null ? (
        <p className="text-xs text-muted">From {data.historyPosts} of the account&apos;s measured posts.</p>
      ) : (
        <p className="text-xs text-muted">
          {data.historyPosts === 0 ? 'No measured posts yet: ' : `Only ${data.historyPosts} measured posts so far: `}
          {Math.round(data.prior.share * 100)} % of this ranking comes from public data ({data.prior.source}).
        </p>
      )}
    </div>
  );
}
