/**
 * Turns chosen revisions (one per network) into a post: each target account gets its network's text,
 * hashtags, title and thread parts as its override, the way the composer stores them (hashtags apart,
 * appended when published). Without `postId` a new draft post is created; with it, that post is edited through
 * `updatePost`, so the post state machine and the approval lock apply. The draft then points at the post.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { socialAccounts } from '@plume/db/schema/social';
import { AppError } from '@plume/errors/app-error';
import { callerContextOf, type PostActor } from '../posts/approval-settings.ts';
import { createPost, updatePost, type PostDeps } from '../posts/manage-posts.ts';
import type { TargetInput } from '@plume/contract/posts/post-input';
import { getPost } from '../posts/query-posts.ts';
import { hashtagsToAppend } from '@plume/contract/posts/compose-post';
import { findDraft, findRevision, setDraftPost, type RevisionRow } from './draft-store.ts';

export type AcceptCommand = {
  workspaceId: string;
  actor: PostActor;
  draftId: string;
  revisionIds: readonly string[];
  accountIds: readonly string[];
  postId?: string | undefined;
};

/** The account's override as the composer stores it: text, hashtags, title, and thread parts (no media yet). */
function overrideOf(revision: RevisionRow): TargetInput['override'] {
  return {
    text: revision.text,
    // As the post stores them: only those the text does not already hold.
    hashtags: hashtagsToAppend(revision.text, revision.hashtags),
    ...(revision.title === null ? {} : { title: revision.title }),
    ...(revision.thread.length === 0 ? {} : { thread: revision.thread.map((part) => ({ text: part, mediaIds: [] })) }),
  };
}

async function chosenRevisions(
  deps: PostDeps,
  draftId: string,
  revisionIds: readonly string[],
): Promise<Map<string, RevisionRow>> {
  const byNetwork = new Map<string, RevisionRow>();
  for (const [index, revisionId] of revisionIds.entries()) {
    const revision = await findRevision(deps.db, draftId, revisionId).catch(() => {
      throw AppError.validation(`revisionIds.${index}`, 'Not a revision of this draft.');
    });
    if (byNetwork.has(revision.network))
      throw AppError.validation(
        `revisionIds.${index}`,
        `Two revisions for ${revision.network}: choose one per network.`,
      );
    byNetwork.set(revision.network, revision);
  }
  return byNetwork;
}

async function targetsFor(
  deps: PostDeps,
  command: AcceptCommand,
  byNetwork: Map<string, RevisionRow>,
  settingsOf: (accountId: string) => Record<string, unknown>,
): Promise<TargetInput[]> {
  const accounts = await deps.db
    .select({ id: socialAccounts.id, network: socialAccounts.network, handle: socialAccounts.handle })
    .from(socialAccounts)
    .where(
      and(eq(socialAccounts.workspaceId, command.workspaceId), inArray(socialAccounts.id, [...command.accountIds])),
    );
  return command.accountIds.map((accountId, index) => {
    const account = accounts.find((item) => item.id === accountId);
    if (!account) throw AppError.validation(`accountIds.${index}`, 'No such account in this workspace.');
    const revision = byNetwork.get(account.network);
    if (!revision)
      throw AppError.validation(
        `accountIds.${index}`,
        `${account.handle} is on ${account.network}, but no revision for ${account.network} was chosen.`,
      );
    return { accountId, override: overrideOf(revision), settings: settingsOf(accountId) };
  });
}

/** @returns the post's id and whether it was created (else updated). */
export async function acceptVariant(
  deps: PostDeps,
  command: AcceptCommand,
): Promise<{ postId: string; created: boolean }> {
  const draft = await findDraft(deps.db, command.workspaceId, command.draftId);
  const byNetwork = await chosenRevisions(deps, draft.id, command.revisionIds);
  const first = byNetwork.get([...byNetwork.keys()][0]!)!;
  let postId: string;
  if (command.postId === undefined) {
    const targets = await targetsFor(deps, command, byNetwork, () => ({}));
    const content = { text: first.text, mediaIds: [], thread: [], hashtags: [] };
    postId = await createPost(deps, {
      workspaceId: command.workspaceId,
      actor: command.actor,
      post: { content, targets, submit: false },
    });
  } else {
    const caller = await callerContextOf(deps.db, command.workspaceId, command.actor);
    const post = await getPost(deps, command.workspaceId, command.postId, caller).catch(() => {
      throw AppError.validation('postId', 'No such post in this workspace.');
    });
    const settings = new Map(post.targets.map((target) => [target.accountId, target.settings]));
    const targets = await targetsFor(deps, command, byNetwork, (accountId) => settings.get(accountId) ?? {});
    const { text: _text, hashtags: _hashtags, ...kept } = post.content;
    await updatePost(deps, {
      workspaceId: command.workspaceId,
      postId: post.id,
      actor: command.actor,
      changes: { version: post.version, content: { ...kept, text: first.text, hashtags: [] }, targets },
    });
    postId = post.id;
  }
  await setDraftPost(deps.db, draft.id, postId);
  return { postId, created: command.postId === undefined };
}
