import type { Account } from '@plume/contract/accounts/account-schemas';
import type { Post } from '@plume/contract/posts/post-schemas';

/** Posts still to go out, soonest first (a post being sent right now comes first). */
export function soonestFirst(posts: readonly Post[], count: number): Post[] {
  return posts
    .filter((post) => post.scheduledAt !== null)
    .sort((a, b) => (a.scheduledAt ?? '').localeCompare(b.scheduledAt ?? ''))
    .slice(0, count);
}

/** When a post went out: its latest target's publish time, else when it last changed. */
export function publishedAt(post: Post): string {
  const times = post.targets.flatMap((target) => (target.publishedAt ? [target.publishedAt] : []));
  return times.sort().at(-1) ?? post.updatedAt;
}

/** Published posts, most recently published first. */
export function latestPublished(posts: readonly Post[], count: number): Post[] {
  return [...posts].sort((a, b) => publishedAt(b).localeCompare(publishedAt(a))).slice(0, count);
}

/** Why a failed or unconfirmed post needs a person: its first troubled target's reason, in its words. */
export function attentionReason(post: Post): string {
  const target = post.targets.find((candidate) => candidate.state === 'failed' || candidate.state === 'unconfirmed');
  if (post.state === 'unconfirmed' || target?.state === 'unconfirmed') {
    return 'Plume could not tell whether the network published it: check the account, then confirm.';
  }
  return target?.failureReason ?? 'It could not be published.';
}

/** An account that keeps posts from going out, and what to do about it. */
export interface AccountProblem {
  account: Account;
  problem: string;
}

/**
 * Accounts that need a person: disconnected, access expired (renewal runs 30 minutes ahead, so an
 * expiry in the past means it failed), a failed health check, a rate limit still running, or a network
 * that refuses the account's metrics.
 */
export function accountProblems(accounts: readonly Account[], now: Date): AccountProblem[] {
  return accounts.flatMap((account): AccountProblem[] => {
    if (account.status === 'disconnected') {
      return [
        {
          account,
          problem: `Disconnected${account.disconnectedReason ? `: ${account.disconnectedReason}` : '.'} Reconnect it so its posts can go out.`,
        },
      ];
    }
    if (account.tokenExpiresAt !== null && new Date(account.tokenExpiresAt).getTime() < now.getTime()) {
      return [{ account, problem: 'Its access expired and Plume could not renew it. Reconnect it.' }];
    }
    if (account.healthError) return [{ account, problem: `Last check failed: ${account.healthError}` }];
    if (account.rateLimitedUntil !== null && new Date(account.rateLimitedUntil).getTime() > now.getTime()) {
      return [{ account, problem: 'The network asked Plume to slow down; posts wait until the limit ends.' }];
    }
    if (account.metricsError) return [{ account, problem: account.metricsError }];
    return [];
  });
}
