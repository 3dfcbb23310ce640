/**
 * Sends one approved reply exactly once (job `send_inbox_reply`), the way publishing sends a post
 * (docs/publishing.md):
 * 1. prepare: read the item and the account's token (nothing can have left yet; a failure here is
 *    `failed` with the reason, never unknown);
 * 2. claim: `approved` → `sending` with `attempt_started_at` and this worker's id, in one committed
 *    statement, before the network is called. A reply found in any other state is left alone, so a
 *    second job run can never send it twice;
 * 3. call `replyToInbox` with the reply's idempotency key (renewing the token once on 401), then
 *    record `sent`, `failed` (the network said no, in plain words), approved again for later (429 or
 *    a failure the network guarantees did nothing, a few times at most) or `unconfirmed` (anything
 *    else: the request may have arrived; a person checks and resolves it).
 * A worker that dies between 2 and 3 leaves `sending`; the sweep (sweep-replies.ts) makes it `unconfirmed`.
 */
import { eq, and, sql } from 'drizzle-orm';
import { inboxReplies } from '@plume/db/schema/inbox';
import { AppError } from '@plume/errors/app-error';
import type { AccountAuth, NetworkContext, NetworkProvider, PublishedItem } from '@plume/networks/contract';
import { isProviderError, type AnyProviderError } from '@plume/networks/provider-errors';
import { AccountDisconnected, getAccountAuth, type TokenDeps } from '../../social/account-tokens.ts';
import { itemRef, loadItem, replyRefusal, type LoadedItem } from './item-access.ts';
import type { ReplyRow } from './manage-replies.ts';
import { recordFailed, recordRetry, recordSent, recordUnconfirmed } from './record-reply-outcome.ts';

export type SendReplyDeps = TokenDeps & { runnerId: string };

/** Sends refused for a while ("not now") are tried this many times in all, then the reply is `failed`. */
export const MAX_SEND_ATTEMPTS = 5;
const RETRY_BASE_MS = 30_000;

type Prepared = { loaded: LoadedItem; provider: NetworkProvider; context: NetworkContext; auth: AccountAuth };
export type SendResult = 'sent' | 'failed' | 'retry' | 'unconfirmed' | 'skipped';

export async function sendInboxReply(deps: SendReplyDeps, replyId: string): Promise<SendResult> {
  const [reply] = await deps.db.select().from(inboxReplies).where(eq(inboxReplies.id, replyId));
  if (reply?.state !== 'approved') return 'skipped';
  let prepared: Prepared;
  try {
    prepared = await prepare(deps, reply);
  } catch (error) {
    const reason = reasonBeforeSending(error);
    if (reason === null) throw error;
    await recordFailed(deps.db, { reply, from: ['approved'], reason });
    return 'failed';
  }
  const claimed = await claimReply(deps, reply.id);
  if (claimed === null) return 'skipped';
  const name = prepared.provider.manifest.name;
  try {
    const result = await callReply(deps, prepared, claimed);
    await recordSent(deps.db, { reply: claimed, loaded: prepared.loaded, result });
    return 'sent';
  } catch (error) {
    if (error instanceof AccountDisconnected) {
      const reason = `The ${name} account is disconnected (${error.message}). Reconnect it on the Accounts page, then approve the reply again.`;
      await recordFailed(deps.db, { reply: claimed, from: ['sending'], reason });
      return 'failed';
    }
    if (isProviderError(error)) return recordProviderError(deps, claimed, error, name);
    const detail = error instanceof Error ? error.message : String(error);
    const reason = `No answer came from ${name} after the reply was sent (${detail}). Look at the conversation on ${name}: if the reply is there, mark it sent; if not, mark it not sent and approve it again.`;
    await recordUnconfirmed(deps.db, { reply: claimed, from: ['sending'], reason });
    return 'unconfirmed';
  }
}

async function prepare(deps: SendReplyDeps, reply: ReplyRow): Promise<Prepared> {
  const loaded = await loadItem(deps.db, reply.workspaceId, reply.itemId);
  const provider = deps.runtime.provider(loaded.account.network);
  const refusal = replyRefusal(provider, loaded.item);
  if (refusal !== null) throw new AppError('invalid_state', { detail: refusal });
  const context = deps.runtime.context(provider.manifest.id);
  const auth = await getAccountAuth(deps, loaded.account.id);
  return { loaded, provider, context, auth };
}

/** `approved` → `sending`, committed before the call; null when someone else moved it first. */
async function claimReply(deps: SendReplyDeps, replyId: string): Promise<ReplyRow | null> {
  const now = new Date();
  const [claimed] = await deps.db
    .update(inboxReplies)
    .set({
      state: 'sending',
      attemptStartedAt: now,
      attemptFinishedAt: null,
      runnerId: deps.runnerId,
      sendAttempts: sql`${inboxReplies.sendAttempts} + 1`,
      updatedAt: now,
    })
    .where(and(eq(inboxReplies.id, replyId), eq(inboxReplies.state, 'approved')))
    .returning();
  return claimed ?? null;
}

async function callReply(deps: SendReplyDeps, prepared: Prepared, reply: ReplyRow): Promise<PublishedItem> {
  const send = prepared.provider.replyToInbox;
  if (send === undefined) throw new Error('replyToInbox disappeared after the check');
  const request = { item: itemRef(prepared.loaded), text: reply.text, idempotencyKey: reply.idempotencyKey };
  try {
    return await send(prepared.context, prepared.auth, request);
  } catch (error) {
    // A rejected token means the network refused the request: renewing it and sending again is safe.
    if (!isProviderError(error) || error.kind !== 'auth_expired') throw error;
    const renewed = await getAccountAuth(deps, prepared.loaded.account.id, {
      rejectedToken: prepared.auth.tokens.accessToken,
    });
    return send(prepared.context, renewed, request);
  }
}

async function recordProviderError(
  deps: SendReplyDeps,
  reply: ReplyRow,
  error: AnyProviderError,
  name: string,
): Promise<SendResult> {
  if (error.kind === 'rate_limited' || error.kind === 'retryable') {
    const why = error.kind === 'rate_limited' ? `${name} asked us to slow down` : `${name} had a temporary problem`;
    if (reply.sendAttempts < MAX_SEND_ATTEMPTS) {
      const waitMs =
        error.kind === 'rate_limited'
          ? Math.max(1000, error.retryAfterMs)
          : RETRY_BASE_MS * 2 ** (reply.sendAttempts - 1);
      const reason = `${why}; Plume tries again at ${new Date(Date.now() + waitMs).toISOString()}.`;
      await recordRetry(deps.db, { reply, runAt: new Date(Date.now() + waitMs), reason });
      return 'retry';
    }
    const reason = `${why} ${MAX_SEND_ATTEMPTS} times, so Plume stopped trying. Approve the reply again later.`;
    await recordFailed(deps.db, { reply, from: ['sending'], reason });
    return 'failed';
  }
  const reason =
    error.kind === 'permanent'
      ? `${name} refused the reply: ${error.reason}`
      : `${name} still refused the account after renewing its access (${error.message}). Reconnect it on the Accounts page, then approve the reply again.`;
  await recordFailed(deps.db, { reply, from: ['sending'], reason });
  return 'failed';
}

/** The plain reason of a failure before anything was sent, or null for trouble the job should retry (database). */
function reasonBeforeSending(error: unknown): string | null {
  if (error instanceof AppError) return error.detail ?? error.message;
  if (error instanceof AccountDisconnected)
    return `The account is disconnected (${error.message}). Reconnect it on the Accounts page, then approve the reply again.`;
  if (isProviderError(error)) return `The account's access could not be renewed: ${error.message}`;
  return null;
}
