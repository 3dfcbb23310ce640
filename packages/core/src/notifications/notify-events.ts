/**
 * The events Plume tells people about, each turned into plain words and a link: a post waits for
 * approval, a target failed or is unconfirmed, an account was disconnected, a model budget ran low.
 * Each runs in the caller's transaction (see notify.ts) and carries a dedupe key, so the same event
 * never notifies twice (a sweep that settles a target again, a job that runs twice).
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '@plume/db/client';
import type { AccountRow } from '../social/account-store.ts';
import { fireAutomationTrigger } from '../automation/fire-trigger.ts';
import { notify, type NotifyResult } from './notify.ts';

type Executor = Pick<Tx, 'select' | 'insert' | 'execute'>;

/** The start of a post's text, for a title: "“Our new bread is out…”". */
export function excerpt(text: string, length = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat === '') return 'a post without text';
  return `“${flat.length > length ? `${flat.slice(0, length - 1).trimEnd()}…` : flat}”`;
}

export async function notifyApprovalRequested(
  tx: Executor,
  input: {
    workspaceId: string;
    postId: string;
    version: number;
    text: string;
    by: { id: string | null; name: string | null };
  },
): Promise<NotifyResult> {
  return notify(tx, {
    workspaceId: input.workspaceId,
    kind: 'approval_requested',
    audience: { type: 'approvers' },
    except: [input.by.id],
    title: `A post waits for your approval: ${excerpt(input.text)}`,
    body: `${input.by.name ?? 'Someone'} asks you to review ${excerpt(input.text, 200)}. Approve it, request changes or reject it.`,
    link: `/w/${input.workspaceId}/posts/${input.postId}`,
    dedupeKey: `approval_requested:${input.postId}:${input.version}`,
  });
}

/** A target that failed, or whose outcome nobody knows (unconfirmed): owners, admins and the post's author. */
export async function notifyTargetTrouble(
  tx: Executor,
  input: { targetId: string; state: 'failed' | 'unconfirmed'; reason: string },
): Promise<NotifyResult | null> {
  const found = await tx.execute<{
    workspace_id: string;
    post_id: string;
    created_by: string | null;
    text: string;
    attempts: number;
    handle: string;
    network: string;
  }>(sql`
    SELECT p.workspace_id, p.id AS post_id, p.created_by, p.content ->> 'text' AS text, t.attempts, a.handle, t.network
    FROM post_targets t JOIN posts p ON p.id = t.post_id JOIN social_accounts a ON a.id = t.account_id
    WHERE t.id = ${input.targetId}`);
  const row = found.rows[0];
  if (row === undefined) return null;
  const where = `${row.handle} (${row.network})`;
  const link = `/w/${row.workspace_id}/posts/${row.post_id}`;
  const common = { workspaceId: row.workspace_id, kind: 'post_failed' as const, link };
  const dedupeKey = `post_failed:${input.targetId}:${row.attempts}:${input.state}`;
  const managers = await notify(tx, {
    ...common,
    audience: { type: 'managers' },
    dedupeKey,
    ...words(input.state, where, row.text ?? '', input.reason),
  });
  // The author hears too, unless they already did as an owner or admin.
  if (row.created_by === null || managers.notified.includes(row.created_by) || managers.mailed.includes(row.created_by))
    return managers;
  const author = await notify(tx, {
    ...common,
    audience: { type: 'users', userIds: [row.created_by] },
    dedupeKey,
    ...words(input.state, where, row.text ?? '', input.reason),
  });
  return { notified: [...managers.notified, ...author.notified], mailed: [...managers.mailed, ...author.mailed] };
}

function words(state: 'failed' | 'unconfirmed', where: string, text: string, reason: string) {
  return state === 'failed'
    ? { title: `A post failed on ${where}`, body: `${excerpt(text, 200)} was not published on ${where}. ${reason}` }
    : {
        title: `Check whether a post went out on ${where}`,
        body: `Plume could not tell whether ${excerpt(text, 200)} was published on ${where}. ${reason}`,
      };
}

export async function notifyAccountDisconnected(
  tx: Executor,
  input: { account: Pick<AccountRow, 'id' | 'workspaceId' | 'handle' | 'network' | 'updatedAt'>; reason: string },
): Promise<NotifyResult> {
  const { account } = input;
  const dedupeKey = `account_disconnected:${account.id}:${account.updatedAt.toISOString()}`;
  await fireAutomationTrigger(tx, {
    workspaceId: account.workspaceId,
    trigger: 'account.disconnected',
    data: { accountId: account.id, network: account.network, handle: account.handle, reason: input.reason },
    dedupeKey,
  });
  return notify(tx, {
    workspaceId: account.workspaceId,
    kind: 'account_disconnected',
    audience: { type: 'managers' },
    title: `Reconnect ${account.handle} (${account.network})`,
    body: [
      `Plume can no longer post as ${account.handle} on ${account.network}: ${input.reason}`,
      'Posts due for this account fail until you reconnect it; the Accounts page then offers to retry them all at once.',
    ].join(' '),
    link: `/w/${account.workspaceId}/accounts`,
    // One notice per disconnection: the row as it was before (reconnecting changes it) keys the event.
    dedupeKey,
  });
}
