/**
 * An AI reply draft (docs/inbox.md, "AI in the inbox"): one gateway call (task `reply`) in the
 * workspace's voice or persona, answering one item with our post and the thread as context, brought
 * within the network's limit, with the persona's disclosure as its last line where the workspace
 * speaks as a persona. It is stored as a `draft` (origin `ai`): never sent until a person approves it.
 */
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { inboxItems, inboxReplies } from '@plume/db/schema/inbox';
import { posts, postTargets } from '@plume/db/schema/publishing';
import { workspaces } from '@plume/db/schema/workspaces';
import { AppError } from '@plume/errors/app-error';
import type { LlmGateway } from '@plume/llm/gateway/gateway';
import { countText } from '@plume/networks/text/count-text';
import type { TextLimit } from '@plume/networks/text/fit-text';
import { recordAudit, type AuditActor } from '../../audit/record-audit.ts';
import { loadVoice } from '../../content/brand-profile-store.ts';
import { appendDisclosure } from '../../content/disclosure.ts';
import { fitToLimit } from '../../content/fit-to-limit.ts';
import type { NetworkRuntime } from '../../social/network-runtime.ts';
import { loadItem, replyRefusal, type LoadedItem } from '../replies/item-access.ts';
import { newIdempotencyKey, type ReplyRow } from '../replies/manage-replies.ts';
import { replyLimit } from '../replies/reply-text.ts';
import { buildDraftPrompt, cleanDraftAnswer, THREAD_LINES } from './reply-prompt.ts';

export type DraftDeps = { db: Database; runtime: NetworkRuntime; gateway: Pick<LlmGateway, 'generate'> };

type DraftCommand = {
  workspaceId: string;
  conversationId: string;
  /** The item to answer; the latest incoming one when absent. */
  itemId?: string | undefined;
  instructions?: string | undefined;
  actor: AuditActor;
};

const MAX_OUTPUT_TOKENS = 400;

export async function draftAiReply(deps: DraftDeps, command: DraftCommand): Promise<ReplyRow> {
  const itemId = command.itemId ?? (await latestIncomingItem(deps.db, command));
  const loaded = await loadItem(deps.db, command.workspaceId, itemId);
  if (loaded.conversation.id !== command.conversationId)
    throw AppError.validation('itemId', 'This item belongs to another conversation.');
  const provider = deps.runtime.provider(loaded.account.network);
  const refusal = replyRefusal(provider, loaded.item);
  if (refusal !== null) throw new AppError('invalid_state', { detail: refusal });
  const { voice } = await loadVoice(deps.db, await workspaceOf(deps.db, command.workspaceId));
  const disclosure = voice.persona?.disclosure;
  const limit = replyLimit(provider, loaded.account.metadata);
  const room = disclosure ? countText(`\n\n${disclosure}`, limit.method) : 0;
  const bodyLimit: TextLimit = { ...limit, max: Math.max(1, limit.max - room) };
  const prompt = buildDraftPrompt({
    voice,
    network: provider.manifest.name,
    kind: loaded.item.kind,
    limit: bodyLimit,
    post: await postTextOf(deps.db, loaded),
    thread: await threadOf(deps.db, loaded),
    item: {
      author: loaded.item.authorName || loaded.item.authorHandle,
      text: loaded.item.text,
      rating: loaded.item.rating,
    },
    instructions: command.instructions,
  });
  const answer = await deps.gateway.generate({
    workspaceId: command.workspaceId,
    userId: command.actor.type === 'user' ? command.actor.id : null,
    task: 'reply',
    call: {
      system: prompt.system,
      messages: [{ role: 'user', content: prompt.user }],
      maxOutputTokens: MAX_OUTPUT_TOKENS,
    },
    cache: false,
  });
  const body = fitToLimit({ text: cleanDraftAnswer(answer.text) }, bodyLimit, voice.brand.language).composed.trim();
  if (body === '')
    throw new AppError('llm_refused', {
      detail: 'The model gave an empty answer; ask for a draft again or write the reply.',
    });
  return storeDraft(deps.db, command, loaded, appendDisclosure(body, disclosure), disclosure ?? null);
}

async function storeDraft(
  db: Database,
  command: DraftCommand,
  loaded: LoadedItem,
  text: string,
  disclosure: string | null,
): Promise<ReplyRow> {
  return db.transaction(async (tx) => {
    const [reply] = await tx
      .insert(inboxReplies)
      .values({
        workspaceId: command.workspaceId,
        conversationId: loaded.conversation.id,
        itemId: loaded.item.id,
        text,
        state: 'draft',
        origin: 'ai',
        disclosure,
        createdBy: command.actor.type === 'user' ? command.actor.id : null,
        idempotencyKey: newIdempotencyKey(),
      })
      .returning();
    if (reply === undefined) throw new Error('reply insert returned no row');
    await recordAudit(tx, command.workspaceId, command.actor, 'inbox.reply_drafted', 'inbox_reply', reply.id, {
      conversationId: loaded.conversation.id,
      itemId: loaded.item.id,
    });
    return reply;
  });
}

async function latestIncomingItem(db: Database, command: DraftCommand): Promise<string> {
  const [item] = await db
    .select({ id: inboxItems.id })
    .from(inboxItems)
    .where(
      and(
        eq(inboxItems.conversationId, command.conversationId),
        eq(inboxItems.workspaceId, command.workspaceId),
        eq(inboxItems.direction, 'in'),
      ),
    )
    .orderBy(desc(inboxItems.remoteCreatedAt))
    .limit(1);
  if (item === undefined) throw AppError.notFound('conversation');
  return item.id;
}

async function workspaceOf(db: Database, workspaceId: string) {
  const [workspace] = await db
    .select({ id: workspaces.id, name: workspaces.name, kind: workspaces.kind, locale: workspaces.locale })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  if (workspace === undefined) throw AppError.notFound('workspace');
  return workspace;
}

/** The text of our post the conversation belongs to, when Plume published it. */
async function postTextOf(db: Database, loaded: LoadedItem): Promise<string | null> {
  const targetId = loaded.conversation.postTargetId;
  if (targetId === null) return null;
  const [row] = await db
    .select({ content: posts.content, override: postTargets.override })
    .from(postTargets)
    .innerJoin(posts, eq(posts.id, postTargets.postId))
    .where(eq(postTargets.id, targetId));
  if (row === undefined) return null;
  return row.override?.text ?? row.content.text;
}

async function threadOf(db: Database, loaded: LoadedItem) {
  const rows = await db
    .select({
      id: inboxItems.id,
      direction: inboxItems.direction,
      author: inboxItems.authorName,
      text: inboxItems.text,
      at: inboxItems.remoteCreatedAt,
    })
    .from(inboxItems)
    .where(eq(inboxItems.conversationId, loaded.conversation.id))
    .orderBy(asc(inboxItems.remoteCreatedAt));
  const before = rows.filter((row) => row.id !== loaded.item.id && row.at <= loaded.item.remoteCreatedAt);
  return before.slice(-THREAD_LINES).map(({ direction, author, text }) => ({ direction, author, text }));
}
