/**
 * Deletes a published target from its network (docs/publishing.md, "Deleting a published post"), the
 * way publishing sends it: the attempt is written and committed before the network is called; the
 * outcome is written after, in one transaction with the target's state, the post's history, the audit
 * log and (through the history) the `post.deleted` webhook. Deleting a post the network no longer has
 * succeeds (every adapter's `delete` says so), so trying again after an unknown outcome is safe.
 */
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { targetDeletions } from '@plume/db/schema/post-deletions';
import { postTargets, posts } from '@plume/db/schema/publishing';
import { AppError } from '@plume/errors/app-error';
import { isProviderError } from '@plume/networks/provider-errors';
import type { AccountAuth, NetworkContext, NetworkProvider } from '@plume/networks/contract';
import { recordAudit, type AuditActor } from '../audit/record-audit.ts';
import { recordPostEvent } from '../publishing/post-events.ts';
import { AccountDisconnected, getAccountAuth, type TokenDeps } from '../social/account-tokens.ts';
import { translateNetworkError } from '../social/translate-network-error.ts';

/** An attempt younger than this without an outcome is still running; an older one is unknown. */
export const DELETION_RUNNING_MS = 2 * 60_000;

type Command = { workspaceId: string; postId: string; targetId: string; actor: AuditActor };
type Started = { attemptId: string; accountId: string; network: string; remoteId: string };

export async function deletePublishedTarget(deps: TokenDeps, command: Command): Promise<void> {
  const started = await startDeletion(deps.db, command);
  const provider = deps.runtime.provider(started.network);
  const networkName = provider.manifest.name;
  const began = performance.now();
  const finish = (outcome: 'deleted' | 'failed' | 'unknown', detail: string | null) =>
    finishDeletion(deps.db, command, started, { outcome, detail, durationMs: performance.now() - began });
  try {
    await callDelete(deps, provider, started);
  } catch (error) {
    if (error instanceof AppError) {
      await finish('failed', error.detail ?? error.message);
      throw error;
    }
    if (error instanceof AccountDisconnected) {
      const detail = `The ${networkName} account is disconnected (${error.message}). Reconnect it on the Accounts page, then delete again.`;
      await finish('failed', detail);
      throw new AppError('invalid_state', { detail });
    }
    const answered = isProviderError(error);
    const translated = translateNetworkError(error, networkName);
    const detail = answered
      ? `${networkName} did not delete it. ${translated.detail ?? translated.message}`
      : `We could not tell whether ${networkName} deleted it (${translated.detail ?? translated.message}). Try again: deleting a post that is already gone succeeds.`;
    await finish(answered ? 'failed' : 'unknown', detail);
    throw new AppError(translated.code, {
      detail,
      ...(translated.headers === undefined ? {} : { headers: translated.headers }),
    });
  }
  await finish('deleted', null);
}

async function callDelete(deps: TokenDeps, provider: NetworkProvider, started: Started): Promise<void> {
  const context: NetworkContext = deps.runtime.context(provider.manifest.id);
  const auth: AccountAuth = await getAccountAuth(deps, started.accountId);
  try {
    await provider.delete(context, auth, started.remoteId);
  } catch (error) {
    if (!isProviderError(error) || error.kind !== 'auth_expired') throw error;
    const renewed = await getAccountAuth(deps, started.accountId, { rejectedToken: auth.tokens.accessToken });
    await provider.delete(context, renewed, started.remoteId);
  }
}

/** Checks and records the attempt, committed before the network is called. */
async function startDeletion(db: Database, command: Command): Promise<Started> {
  return db.transaction(async (tx) => {
    const [target] = await tx
      .select({
        state: postTargets.state,
        accountId: postTargets.accountId,
        network: postTargets.network,
        remoteId: postTargets.remoteId,
      })
      .from(postTargets)
      .innerJoin(posts, eq(posts.id, postTargets.postId))
      .where(
        and(
          eq(postTargets.id, command.targetId),
          eq(postTargets.postId, command.postId),
          eq(posts.workspaceId, command.workspaceId),
        ),
      )
      .for('update', { of: postTargets });
    if (target === undefined) throw AppError.notFound('post target');
    if (target.state !== 'published' || target.remoteId === null)
      throw new AppError('invalid_state', {
        detail: `Only a published post can be deleted from its network; this one is ${target.state}.`,
      });
    const [running] = await tx
      .select({ id: targetDeletions.id })
      .from(targetDeletions)
      .where(
        and(
          eq(targetDeletions.targetId, command.targetId),
          isNull(targetDeletions.finishedAt),
          gt(targetDeletions.startedAt, sql`now() - make_interval(secs => ${DELETION_RUNNING_MS / 1000})`),
        ),
      );
    if (running !== undefined)
      throw new AppError('invalid_state', { detail: 'This post is being deleted already; wait for the answer.' });
    const [attempt] = await tx
      .insert(targetDeletions)
      .values({ targetId: command.targetId, actorId: command.actor.id, actorName: command.actor.name })
      .returning({ id: targetDeletions.id });
    if (attempt === undefined) throw new Error('deletion attempt insert returned no row');
    return { attemptId: attempt.id, accountId: target.accountId, network: target.network, remoteId: target.remoteId };
  });
}

async function finishDeletion(
  db: Database,
  command: Command,
  started: Started,
  result: { outcome: 'deleted' | 'failed' | 'unknown'; detail: string | null; durationMs: number },
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(targetDeletions)
      .set({ finishedAt: new Date(), outcome: result.outcome, detail: result.detail, durationMs: result.durationMs })
      .where(eq(targetDeletions.id, started.attemptId));
    const actor = { id: command.actor.type === 'user' ? command.actor.id : null, name: command.actor.name };
    if (result.outcome !== 'deleted') {
      await recordPostEvent(tx, {
        postId: command.postId,
        targetId: command.targetId,
        actor,
        type: 'target_delete_failed',
        detail: { network: started.network, outcome: result.outcome, reason: result.detail },
      });
      return;
    }
    await tx
      .update(postTargets)
      .set({ state: 'deleted', updatedAt: new Date() })
      .where(eq(postTargets.id, command.targetId));
    // The history row is what the webhook outbox turns into `post.deleted` (migration 0019_webhook_outbox).
    await recordPostEvent(tx, {
      postId: command.postId,
      targetId: command.targetId,
      actor,
      type: 'target_deleted',
      fromState: 'published',
      toState: 'deleted',
      detail: { network: started.network, remoteId: started.remoteId },
    });
    await recordAudit(tx, command.workspaceId, command.actor, 'post.target_deleted', 'post', command.postId, {
      targetId: command.targetId,
      network: started.network,
      remoteId: started.remoteId,
    });
  });
}
