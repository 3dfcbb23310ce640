/**
 * Inbox events a network pushes to Plume (docs/inbox.md, "Reading inboxes"; Meta's Webhooks for Facebook
 * Pages and Instagram). The subscription handshake echoes `hub.challenge` when `hub.verify_token` is the
 * configured INBOX_WEBHOOK_VERIFY_TOKEN. A call is verified with the provider's `inboxWebhook.verify`
 * against the raw body and the network's app secret (401 when it fails, nothing read), parsed with
 * `inboxWebhook.parse`, and its items stored for every connected account with that network id, whatever
 * the workspace (one Page can be connected in two workspaces); items for accounts Plume does not know are
 * ignored. Storage is the same as polling's, so an item pushed and later polled is stored once.
 */
import { timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { AppError } from '@plume/errors/app-error';
import type { NetworkProvider } from '@plume/networks/contract';
import type { InboxWebhookOperations } from '@plume/networks/inbox-contract';
import type { NetworkRuntime } from '../../social/network-runtime.ts';
import type { InboxAccount } from './ingest-types.ts';
import { storeInboxItems } from './store-inbox-items.ts';

export type InboxHookDeps = { db: Database; runtime: NetworkRuntime; verifyToken: string | undefined };

/** The provider's webhook operations, or a 404 for a network that does not push. */
function pushingProvider(
  runtime: NetworkRuntime,
  network: string,
): NetworkProvider & { inboxWebhook: InboxWebhookOperations } {
  const provider = runtime.provider(network);
  const { inboxWebhook } = provider;
  if (inboxWebhook === undefined || provider.manifest.inbox.delivery !== 'push') throw AppError.notFound('network');
  return { ...provider, inboxWebhook };
}

/** The `hub.challenge` to echo, or why not (403: wrong mode or token; 409: no token configured). */
export function answerHandshake(
  deps: Pick<InboxHookDeps, 'runtime' | 'verifyToken'>,
  network: string,
  query: { mode: string; verifyToken: string; challenge: string },
): string {
  pushingProvider(deps.runtime, network);
  if (deps.verifyToken === undefined)
    throw new AppError('network_not_configured', {
      detail: 'Set INBOX_WEBHOOK_VERIFY_TOKEN on the server, then enter the same token in the webhook settings.',
    });
  if (query.mode !== 'subscribe') throw AppError.forbidden('Only hub.mode=subscribe is answered.');
  if (!sameText(query.verifyToken, deps.verifyToken))
    throw AppError.forbidden('hub.verify_token is not the token configured on this server.');
  return query.challenge;
}

export type ReceivedWebhook = { accounts: number; created: number; ignored: number };

export async function receiveInboxWebhook(
  deps: Pick<InboxHookDeps, 'db' | 'runtime'>,
  network: string,
  call: { headers: Readonly<Record<string, string | undefined>>; rawBody: Buffer },
): Promise<ReceivedWebhook> {
  const provider = pushingProvider(deps.runtime, network);
  const appSecret = deps.runtime.context(provider.manifest.id).app?.clientSecret;
  if (appSecret === undefined) throw new AppError('network_not_configured');
  if (!provider.inboxWebhook.verify({ headers: call.headers, rawBody: call.rawBody, appSecret }))
    throw new AppError('unauthenticated', { detail: 'The signature does not match the body and the app secret.' });
  let body: unknown;
  try {
    body = JSON.parse(call.rawBody.toString('utf8'));
  } catch {
    throw new AppError('malformed_json', { detail: 'The body is not JSON.' });
  }
  const received: ReceivedWebhook = { accounts: 0, created: 0, ignored: 0 };
  for (const pushed of provider.inboxWebhook.parse(body)) {
    const accounts = await accountsOf(deps.db, provider.manifest.id, pushed.accountExternalId);
    if (accounts.length === 0) received.ignored += pushed.items.length;
    for (const account of accounts) {
      const stored = await storeInboxItems(deps.db, account, pushed.items);
      received.accounts += 1;
      received.created += stored.created.length;
    }
  }
  return received;
}

async function accountsOf(db: Database, network: string, externalId: string): Promise<InboxAccount[]> {
  const result = await db.execute<{ id: string; workspace_id: string; network: InboxAccount['network'] }>(sql`
    SELECT id, workspace_id, network FROM social_accounts
    WHERE network = ${network} AND external_id = ${externalId} AND status = 'connected'`);
  return result.rows.map((row) => ({ id: row.id, workspaceId: row.workspace_id, network: row.network }));
}

function sameText(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
