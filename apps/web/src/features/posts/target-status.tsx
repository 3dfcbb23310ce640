import type { PostTarget } from '@plume/contract/posts/post-schemas';
import { textLinkClasses } from '../../components/text-link-classes.ts';
import { formatTime } from '../../lib/format-time.ts';

/** What each failure kind means for the person reading it, before the network's own words. */
const failureLeads: Record<string, string> = {
  invalid_content: 'The post does not fit this network’s rules.',
  not_configured: 'This server is not set up for the network.',
  account_disconnected: 'The account is disconnected; reconnect it on the Accounts page, then retry.',
  rejected: 'The network refused the post.',
  auth: 'The network no longer accepts this account’s access; reconnect it, then retry.',
  unknown_outcome: 'We could not tell whether the network published it. Check the account, then choose below.',
  not_published: 'Marked as not published.',
};

/**
 * A post that is live although a thread reply or the first comment did not go out: a warning, not a
 * failure, because what is online is never sent again (a retry would post it twice).
 */
function PartlyPublishedWarning({ target }: { target: PostTarget }) {
  if (target.failureKind !== 'partly_published') return null;
  return (
    <span
      role="note"
      aria-label="Warning"
      className="mt-1 block rounded-md border border-warning/40 bg-warning-soft px-2 py-1 text-warning"
    >
      <span className="block font-medium">Warning: the post is live, but not all of it went out.</span>
      {target.failureReason ? <span className="block">{target.failureReason}</span> : null}
      <span className="block text-xs">Add what is missing by hand on the network; Plume will not send it again.</span>
    </span>
  );
}

/** One target's state in plain words: the live link, the failure and what to do, or when it runs. */
export function TargetStatus({ target, timeZone }: { target: PostTarget; timeZone: string }) {
  if (target.state === 'published') {
    return (
      <span>
        {target.remoteUrl ? (
          <>
            Live:{' '}
            <a href={target.remoteUrl} target="_blank" rel="noreferrer" className={textLinkClasses}>
              {target.remoteUrl}
            </a>
            {target.publishedAt ? (
              <span className="block text-xs">Published {formatTime(target.publishedAt, timeZone)}</span>
            ) : null}
          </>
        ) : (
          <>Published {formatTime(target.publishedAt, timeZone)}, no link was returned</>
        )}
        <PartlyPublishedWarning target={target} />
      </span>
    );
  }
  if (target.state === 'deleted') return <span>Deleted from the network; Plume keeps the post and its history.</span>;
  if (target.state === 'failed' || target.state === 'unconfirmed') {
    const lead = target.failureKind ? failureLeads[target.failureKind] : undefined;
    return (
      <span className={target.state === 'failed' ? 'text-danger' : 'text-warning'}>
        {lead ? <span className="block font-medium">{lead}</span> : null}
        {target.failureReason ? <span className="block">{target.failureReason}</span> : null}
        {target.attempts > 0 ? <span className="block text-xs text-muted">Attempts: {target.attempts}</span> : null}
      </span>
    );
  }
  return (
    <span>
      {target.nextAttemptAt
        ? `Next attempt ${formatTime(target.nextAttemptAt, timeZone)}`
        : target.state === 'publishing'
          ? 'Sending now…'
          : 'Waiting for its time.'}
      {target.failureReason ? <span className="block text-xs">Last try: {target.failureReason}</span> : null}
    </span>
  );
}
