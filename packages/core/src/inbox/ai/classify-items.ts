/**
 * Job `classify_inbox_items` (docs/inbox.md, "AI in the inbox"): new incoming items of one workspace
 * are classified in batches, one gateway call (task `reply`) a batch, and the results stored on the
 * items and on their conversations (the latest classified incoming item's). Then, per the workspace's
 * settings: spam is hidden where the network allows hiding and the owner turned `autoHideSpam` on
 * (recorded as automatic), and questions, complaints and leads get an AI draft to approve.
 * A call the budget refuses (or no model can answer) skips the rest with the reason: the items stay
 * unclassified, nothing fails.
 */
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '@plume/db/client';
import { inboxConversations, inboxItems, inboxReplies } from '@plume/db/schema/inbox';
import type { InboxIntent } from '@plume/contract/inbox/inbox-enums';
import type { LlmGateway } from '@plume/llm/gateway/gateway';
import { LlmGatewayError } from '@plume/llm/gateway/gateway-error';
import type { TokenDeps } from '../../social/account-tokens.ts';
import type { ClassifyInboxItemsPayload } from '../inbox-jobs-contract.ts';
import { readInboxSettings, type InboxSettings } from '../replies/inbox-settings.ts';
import { moderationRefusal, replyRefusal } from '../replies/item-access.ts';
import { moderateItem } from '../replies/moderate-item.ts';
import { INBOX_SYSTEM_ACTOR } from '../replies/record-reply-outcome.ts';
import { buildClassifyPrompt, parseClassification, type Classification } from './classification-output.ts';
import { draftAiReply } from './draft-reply.ts';

export type ClassifyDeps = TokenDeps & { gateway: Pick<LlmGateway, 'generate'> };

export type ClassifyResult = {
  classified: number;
  hidden: number;
  drafted: number;
  /** Why some items were left unclassified or some follow-up did not happen, in plain words. */
  skipped: string[];
};

/** Items per model call: small enough for a local model's answer, large enough to save calls. */
export const CLASSIFY_BATCH = 20;
const DRAFT_INTENTS: readonly InboxIntent[] = ['question', 'complaint', 'lead'];

type ItemRow = typeof inboxItems.$inferSelect;

export async function classifyInboxItems(
  deps: ClassifyDeps,
  payload: ClassifyInboxItemsPayload,
): Promise<ClassifyResult> {
  const result: ClassifyResult = { classified: 0, hidden: 0, drafted: 0, skipped: [] };
  const settings = await readInboxSettings(deps.db, payload.workspaceId);
  if (!settings.classify) return { ...result, skipped: ['classification is turned off in the inbox settings'] };
  const items = await deps.db
    .select({ item: inboxItems, network: inboxConversations.network })
    .from(inboxItems)
    .innerJoin(inboxConversations, eq(inboxConversations.id, inboxItems.conversationId))
    .where(
      and(
        eq(inboxItems.workspaceId, payload.workspaceId),
        inArray(inboxItems.id, payload.itemIds),
        eq(inboxItems.direction, 'in'),
        isNull(inboxItems.classifiedAt),
      ),
    );
  const done: Array<{ item: ItemRow; network: string; classification: Classification }> = [];
  for (let start = 0; start < items.length; start += CLASSIFY_BATCH) {
    const batch = items.slice(start, start + CLASSIFY_BATCH);
    const answered = await classifyBatch(deps, payload.workspaceId, batch);
    if ('stop' in answered) {
      result.skipped.push(`${items.length - start} item(s) not classified: ${answered.stop}`);
      break;
    }
    result.skipped.push(...answered.problems);
    done.push(...answered.done);
  }
  result.classified = await storeClassifications(deps.db, done);
  await followUp(deps, settings, done, result);
  return result;
}

type BatchRow = { item: ItemRow; network: string };
type BatchAnswer =
  { stop: string } | { done: Array<BatchRow & { classification: Classification }>; problems: string[] };

async function classifyBatch(
  deps: ClassifyDeps,
  workspaceId: string,
  batch: readonly BatchRow[],
): Promise<BatchAnswer> {
  const prompt = buildClassifyPrompt(
    batch.map(({ item, network }) => ({
      kind: item.kind,
      network,
      author: item.authorHandle,
      text: item.text,
      rating: item.rating,
    })),
  );
  let text: string;
  try {
    const answer = await deps.gateway.generate({
      workspaceId,
      userId: null,
      task: 'reply',
      call: {
        system: prompt.system,
        messages: [{ role: 'user', content: prompt.user }],
        responseFormat: 'json',
        temperature: 0,
        maxOutputTokens: 60 * batch.length + 40,
      },
    });
    text = answer.text;
  } catch (error) {
    if (!(error instanceof LlmGatewayError)) throw error;
    return {
      stop:
        error.code === 'budget_exceeded'
          ? `the workspace's model budget is reached (${error.message})`
          : `no model could answer (${error.message})`,
    };
  }
  const parsed = parseClassification(text, batch.length);
  const done = batch.flatMap((row, index) => {
    const classification = parsed.byNumber.get(index + 1);
    return classification === undefined ? [] : [{ ...row, classification }];
  });
  return { done, problems: parsed.problems.map((problem) => `classification: ${problem}`) };
}

async function storeClassifications(
  db: Database,
  done: ReadonlyArray<{ item: ItemRow; classification: Classification }>,
): Promise<number> {
  if (done.length === 0) return 0;
  const rows = done.map(({ item, classification }) => ({ id: item.id, ...classification }));
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      UPDATE inbox_items i SET sentiment = r.sentiment, intent = r.intent, priority = r.priority,
        language = r.language, classified_at = now()
      FROM json_to_recordset(${JSON.stringify(rows)}::json)
        AS r(id uuid, sentiment text, intent text, priority text, language text)
      WHERE i.id = r.id`);
    // Each conversation shows its latest classified incoming item's classification.
    const conversationIds = [...new Set(done.map(({ item }) => item.conversationId))];
    await tx.execute(sql`
      UPDATE inbox_conversations c SET sentiment = l.sentiment, intent = l.intent, priority = l.priority,
        language = l.language, updated_at = now()
      FROM (
        SELECT DISTINCT ON (conversation_id) conversation_id, sentiment, intent, priority, language
        FROM inbox_items
        WHERE conversation_id IN (SELECT json_array_elements_text(${JSON.stringify(conversationIds)}::json)::uuid)
          AND direction = 'in' AND classified_at IS NOT NULL
        ORDER BY conversation_id, remote_created_at DESC
      ) l
      WHERE c.id = l.conversation_id`);
  });
  return done.length;
}

async function followUp(
  deps: ClassifyDeps,
  settings: InboxSettings,
  done: ReadonlyArray<{ item: ItemRow; classification: Classification }>,
  result: ClassifyResult,
): Promise<void> {
  for (const { item, classification } of done) {
    if (classification.intent === 'spam') {
      if (settings.autoHideSpam && (await hideSpam(deps, item, result))) result.hidden += 1;
      continue;
    }
    if (!settings.draftReplies || !DRAFT_INTENTS.includes(classification.intent)) continue;
    if (await draftFor(deps, item, result)) result.drafted += 1;
  }
}

async function hideSpam(deps: ClassifyDeps, item: ItemRow, result: ClassifyResult): Promise<boolean> {
  const [account] = await deps.db
    .select({ network: inboxConversations.network })
    .from(inboxConversations)
    .where(eq(inboxConversations.id, item.conversationId));
  if (account === undefined) return false;
  if (moderationRefusal(deps.runtime.provider(account.network), item, 'hide') !== null) return false;
  try {
    await moderateItem(deps, {
      workspaceId: item.workspaceId,
      itemId: item.id,
      action: 'hide',
      actor: INBOX_SYSTEM_ACTOR,
      automatic: true,
      reason: 'classified as spam; the inbox settings hide spam automatically',
    });
    return true;
  } catch (error) {
    result.skipped.push(`spam not hidden: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}

/** A draft for the item unless the conversation already has a reply in the works. */
async function draftFor(deps: ClassifyDeps, item: ItemRow, result: ClassifyResult): Promise<boolean> {
  const [pending] = await deps.db
    .select({ id: inboxReplies.id })
    .from(inboxReplies)
    .where(
      and(
        eq(inboxReplies.conversationId, item.conversationId),
        inArray(inboxReplies.state, ['draft', 'approved', 'sending']),
      ),
    )
    .limit(1);
  if (pending !== undefined) return false;
  const [conversation] = await deps.db
    .select({ network: inboxConversations.network })
    .from(inboxConversations)
    .where(eq(inboxConversations.id, item.conversationId));
  if (conversation === undefined || replyRefusal(deps.runtime.provider(conversation.network), item) !== null)
    return false;
  try {
    await draftAiReply(deps, {
      workspaceId: item.workspaceId,
      conversationId: item.conversationId,
      itemId: item.id,
      actor: INBOX_SYSTEM_ACTOR,
    });
    return true;
  } catch (error) {
    result.skipped.push(`no draft for an item: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
}
