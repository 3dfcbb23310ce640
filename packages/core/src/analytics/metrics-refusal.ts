/**
 * What a person sees when a network refuses an account's metrics for good, typically a permission the
 * account was connected without (Facebook's `read_insights`, Threads' `threads_manage_insights`…): the
 * Accounts page and the dashboard say so, with the way out (reconnecting asks for it again). The note is
 * cleared by the next successful read and by a reconnection.
 */
import { sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import type { Permanent } from '@plume/networks/provider-errors';

type Executor = Pick<Database, 'execute'>;

export function metricsRefusalText(networkName: string, error: Pick<Permanent, 'reason'>): string {
  const reason = error.reason.trim().replace(/\.$/, '');
  return `${networkName} refuses this account's metrics. ${reason}. Reconnecting the account asks for the permission again.`;
}

export async function noteMetricsRefused(db: Executor, accountId: string, text: string): Promise<void> {
  await db.execute(sql`
    UPDATE social_accounts SET metrics_error = ${text}, metrics_error_at = coalesce(metrics_error_at, now())
    WHERE id = ${accountId} AND metrics_error IS DISTINCT FROM ${text}`);
}

/** Writes nothing when there was no refusal noted: the common case costs an index probe. */
export async function clearMetricsRefused(db: Executor, accountId: string): Promise<void> {
  await db.execute(sql`
    UPDATE social_accounts SET metrics_error = NULL, metrics_error_at = NULL
    WHERE id = ${accountId} AND metrics_error IS NOT NULL`);
}
