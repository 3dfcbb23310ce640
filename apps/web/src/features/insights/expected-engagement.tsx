import { useQuery } from '@tanstack/react-query';
import type { PredictBody } from '@plume/contract/insights/insight-schemas';
import type { Account } from '@plume/contract/accounts/account-schemas';
import { errorMessageOf } from '../../lib/field-errors.ts';
import { predictQueryOptions } from './insights-query.ts';
import { useDebounced } from './use-debounced.ts';

interface ExpectedEngagementProps {
  workspaceId: string;
  accounts: Account[];
  /** The draft as it stands; asked about half a second after it stops changing. */
  draft: Omit<PredictBody, 'accountIds'>;
}

const count = (value: number) => Math.round(value).toLocaleString('en');

/**
 * "Expected 40–120 engagements on @x · based on 312 posts" per chosen account, from the account's own
 * measured posts; "Not enough history yet" until it has some.
 */
export function ExpectedEngagement({ workspaceId, accounts, draft }: ExpectedEngagementProps) {
  const body = useDebounced<PredictBody>({ ...draft, accountIds: accounts.map((account) => account.id) }, 500);
  const prediction = useQuery({ ...predictQueryOptions(workspaceId, body), enabled: body.accountIds.length > 0 });
  if (accounts.length === 0)
    return <p className="text-sm text-muted">Choose accounts to see the engagement to expect.</p>;
  if (prediction.isError) return <p className="text-sm text-danger">{errorMessageOf(prediction.error)}</p>;
  if (prediction.data === undefined) return <p className="text-sm text-muted">Estimating…</p>;
  return (
    <div className="space-y-2">
      <ul aria-label="Expected engagement" className="space-y-2 text-sm" aria-live="polite">
        {prediction.data.accounts.map((result) => (
          <li key={result.accountId}>
            {result.status === 'predicted' ? (
              <>
                <span className="font-medium text-ink">
                  Expected {count(result.low)}–{count(result.high)} engagements
                </span>{' '}
                on {result.accountHandle}
                <span className="text-muted">
                  {' '}
                  · about {count(result.expected)} · based on {count(result.historyPosts)} posts
                </span>
              </>
            ) : (
              <>
                <span className="font-medium text-ink">Not enough history yet</span> on {result.accountHandle}
                <span className="text-muted">
                  {' '}
                  · {result.historyPosts} of {result.needed} measured posts needed
                </span>
              </>
            )}
          </li>
        ))}
      </ul>
      <p className="text-xs text-muted">
        8 in 10 posts land within the range. Engagements are likes, reposts, replies and the like, as each network
        counts them.
      </p>
    </div>
  );
}
