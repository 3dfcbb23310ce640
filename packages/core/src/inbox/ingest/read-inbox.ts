/**
 * Reads one account's inbox through its provider's `listInbox` (docs/inbox.md, "Reading inboxes"): page
 * after page while the network says `more` (at most MAX_PAGES a run), each page stored with the account's
 * new cursor in one transaction, so a crash between pages loses nothing and stores nothing twice. Reads
 * take from the same per-host, per-account and per-app read budgets as analytics (`analytics_read_limits`)
 * and at most READS_PER_HOST calls run at once per host in a process. Afterwards the cursor row says when
 * the account is read next and, when the read failed, why in plain words:
 * - a 429 waits what the network asked (Retry-After), remembered for every worker;
 * - a rejected token is renewed once; a refused renewal disconnects the account (its owners are told);
 * - a refusal for good waits an hour, a network that did not answer five minutes.
 */
import { sql } from 'drizzle-orm';
import type { AccountAuth, NetworkProvider } from '@plume/networks/contract';
import type { InboxPage } from '@plume/networks/inbox-contract';
import { isProviderError } from '@plume/networks/provider-errors';
import type { NetworkLimiter } from '../../publishing/network-limiter.ts';
import { AccountDisconnected, getAccountAuth, type TokenDeps } from '../../social/account-tokens.ts';
import { hostOf, noteRateLimited, readRulesOf, takeReadBudget, type ReadRule } from '../../analytics/read-budget.ts';
import type { InboxAccount } from './ingest-types.ts';
import { storeInboxItems } from './store-inbox-items.ts';

export type InboxReadDeps = TokenDeps & { limiter: NetworkLimiter };

/** Pages one run reads at most; an account with more waiting is queued again at once. */
export const MAX_PAGES = 20;
/** Concurrent inbox reads per network host in one process. */
const READS_PER_HOST = 2;
/** A network that pushes (webhooks) is still read this often, to catch what a lost call missed. */
export const PUSH_CATCH_UP_SEC = 15 * 60;
const RETRY_SEC = 5 * 60;
const REFUSED_SEC = 60 * 60;

export type ReadInboxResult = {
  status: 'read' | 'waiting' | 'failed' | 'skipped';
  pages: number;
  created: number;
  nextReadAt: Date | null;
};

type Outcome = { kind: 'page'; page: InboxPage; auth: AccountAuth } | { kind: 'stop'; until: Date; error: string };

export async function readInbox(
  deps: InboxReadDeps,
  accountId: string,
  options: { maxPages?: number } = {},
): Promise<ReadInboxResult> {
  const account = await accountOf(deps, accountId);
  if (account === null) return { status: 'skipped', pages: 0, created: 0, nextReadAt: null };
  const provider = deps.runtime.provider(account.network);
  if (provider.listInbox === undefined || provider.manifest.inbox.kinds.length === 0) {
    await deps.db.execute(sql`DELETE FROM inbox_cursors WHERE account_id = ${accountId}`);
    return { status: 'skipped', pages: 0, created: 0, nextReadAt: null };
  }
  let auth: AccountAuth;
  try {
    auth = await getAccountAuth(deps, accountId);
  } catch (error) {
    if (!(error instanceof AccountDisconnected)) throw error;
    return failed(deps, accountId, disconnectedText(provider, error), REFUSED_SEC, 0, 0);
  }
  const host = hostOf(provider.manifest, auth.metadata);
  const rules = readRulesOf(provider.manifest, host, accountId);
  let cursor = await cursorOf(deps, account);
  let pages = 0;
  let created = 0;
  while (pages < (options.maxPages ?? MAX_PAGES)) {
    const wait = await takeReadBudget(deps.db, rules);
    if (wait !== null) return settle(deps, accountId, 'waiting', wait, null, pages, created);
    const outcome = await readPage(deps, provider, auth, accountId, cursor, rules);
    if (outcome.kind === 'stop') return settle(deps, accountId, 'failed', outcome.until, outcome.error, pages, created);
    auth = outcome.auth;
    const { page } = outcome;
    const next = page.cursor ?? cursor;
    const stored = await storeInboxItems(deps.db, account, page.items, async (tx) => {
      await tx.execute(sql`
        UPDATE inbox_cursors SET cursor = ${next}, last_read_at = now(), last_error = NULL,
          items_read = items_read + ${page.items.length}
        WHERE account_id = ${accountId}`);
    });
    cursor = next;
    pages += 1;
    created += stored.created.length;
    if (!page.more) {
      const every =
        provider.manifest.inbox.delivery === 'push' ? PUSH_CATCH_UP_SEC : provider.manifest.inbox.minPollSec;
      return settle(deps, accountId, 'read', secondsFromNow(Math.max(60, every)), null, pages, created);
    }
  }
  // More is waiting: the next minute's queue takes the account again.
  return settle(deps, accountId, 'read', new Date(), null, pages, created);
}

async function readPage(
  deps: InboxReadDeps,
  provider: NetworkProvider,
  auth: AccountAuth,
  accountId: string,
  cursor: string | null,
  rules: readonly ReadRule[],
): Promise<Outcome> {
  const { manifest } = provider;
  const context = deps.runtime.context(manifest.id);
  const host = hostOf(manifest, auth.metadata);
  const read = (using: AccountAuth) =>
    deps.limiter.run(`inbox:${manifest.id}:${host}`, READS_PER_HOST, () =>
      provider.listInbox!(context, using, { cursor, limit: manifest.inbox.pageSize }),
    );
  let using = auth;
  try {
    try {
      return { kind: 'page', page: await read(using), auth: using };
    } catch (error) {
      if (!isProviderError(error) || error.kind !== 'auth_expired') throw error;
      // As publishing and analytics do: renew once (a refused renewal disconnects the account), then retry.
      using = await getAccountAuth(deps, accountId, { rejectedToken: using.tokens.accessToken });
      return { kind: 'page', page: await read(using), auth: using };
    }
  } catch (error) {
    if (error instanceof AccountDisconnected)
      return { kind: 'stop', until: secondsFromNow(REFUSED_SEC), error: disconnectedText(provider, error) };
    if (!isProviderError(error))
      return {
        kind: 'stop',
        until: secondsFromNow(RETRY_SEC),
        error: `${manifest.name} gave an answer Plume could not read; Plume tries again in 5 minutes.`,
      };
    switch (error.kind) {
      case 'rate_limited': {
        const until = new Date(Date.now() + Math.max(1000, error.retryAfterMs));
        const scope = error.scope === 'app' ? ':app' : ':account:';
        await noteRateLimited(
          deps.db,
          rules.filter((rule) => rule.key.includes(scope)).map((rule) => rule.key),
          until,
        );
        const minutes = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 60_000));
        return {
          kind: 'stop',
          until,
          error: `${manifest.name} asked Plume to read less often; the inbox is read again in ${minutes} minute${minutes === 1 ? '' : 's'}.`,
        };
      }
      case 'permanent':
        return {
          kind: 'stop',
          until: secondsFromNow(REFUSED_SEC),
          error: `${manifest.name} refused to show this account's inbox: ${error.reason.replace(/\.$/, '')}. Plume tries again in an hour; reconnecting the account asks for the permissions again.`,
        };
      case 'auth_expired':
        return {
          kind: 'stop',
          until: secondsFromNow(REFUSED_SEC),
          error: `${manifest.name} rejected the account's access even after renewing it. Reconnect the account.`,
        };
      case 'retryable':
        return { kind: 'stop', until: secondsFromNow(RETRY_SEC), error: unreachableText(provider, error) };
    }
  }
}

async function accountOf(deps: InboxReadDeps, accountId: string): Promise<InboxAccount | null> {
  const result = await deps.db.execute<{ id: string; workspace_id: string; network: InboxAccount['network'] }>(sql`
    SELECT id, workspace_id, network FROM social_accounts WHERE id = ${accountId}`);
  const row = result.rows[0];
  return row === undefined ? null : { id: row.id, workspaceId: row.workspace_id, network: row.network };
}

/** The stored cursor; the row is created on the first read. */
async function cursorOf(deps: InboxReadDeps, account: InboxAccount): Promise<string | null> {
  const result = await deps.db.execute<{ cursor: string | null }>(sql`
    INSERT INTO inbox_cursors AS c (account_id, workspace_id) VALUES (${account.id}, ${account.workspaceId})
    ON CONFLICT (account_id) DO UPDATE SET cursor = c.cursor
    RETURNING c.cursor`);
  return result.rows[0]?.cursor ?? null;
}

async function settle(
  deps: InboxReadDeps,
  accountId: string,
  status: ReadInboxResult['status'],
  nextReadAt: Date,
  error: string | null,
  pages: number,
  created: number,
): Promise<ReadInboxResult> {
  await deps.db.execute(sql`
    UPDATE inbox_cursors SET next_read_at = ${nextReadAt.toISOString()}::timestamptz,
      last_error = CASE WHEN ${error}::text IS NULL THEN last_error ELSE ${error}::text END
    WHERE account_id = ${accountId}`);
  return { status, pages, created, nextReadAt };
}

async function failed(
  deps: InboxReadDeps,
  accountId: string,
  error: string,
  waitSec: number,
  pages: number,
  created: number,
): Promise<ReadInboxResult> {
  await deps.db.execute(sql`
    INSERT INTO inbox_cursors (account_id, workspace_id)
    SELECT id, workspace_id FROM social_accounts WHERE id = ${accountId} ON CONFLICT (account_id) DO NOTHING`);
  return settle(deps, accountId, 'failed', secondsFromNow(waitSec), error, pages, created);
}

function disconnectedText(provider: NetworkProvider, error: AccountDisconnected): string {
  return `${provider.manifest.name} no longer accepts this account's access (${error.reason.replace(/\.$/, '')}). Reconnect it to read its inbox.`;
}

function unreachableText(provider: NetworkProvider, error: { reason: string }): string {
  const reason = error.reason.replace(/\.$/, '');
  return `${provider.manifest.name} did not answer (${reason}); Plume tries again in 5 minutes.`;
}

function secondsFromNow(seconds: number): Date {
  return new Date(Date.now() + seconds * 1000);
}
