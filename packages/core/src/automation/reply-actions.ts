/**
 * The replies engine behind the rule actions `draft_reply` and `send_reply` (docs/automation.md): an AI draft
 * a person approves, or — only where the owner turned on disclosed automation — a reply sent with the
 * workspace's disclosure. Both go through the inbox's own functions, so limits, refusals and the
 * exactly-once send are the same as for a person's reply.
 */
import { AppError } from '@plume/errors/app-error';
import type { LlmGateway } from '@plume/llm/gateway/gateway';
import type { Database } from '@plume/db/client';
import { draftAiReply } from '../inbox/ai/draft-reply.ts';
import { loadItem } from '../inbox/replies/item-access.ts';
import { sendReplyByRule } from '../inbox/replies/send-reply-by-rule.ts';
import type { NetworkRuntime } from '../social/network-runtime.ts';
import type { ReplyActions } from './automation-services.ts';

export function inboxReplyActions(deps: {
  db: Database;
  runtime: NetworkRuntime;
  gateway?: Pick<LlmGateway, 'generate'> | undefined;
}): ReplyActions {
  return {
    draftReply: async ({ workspaceId, itemId, instructions, by }) => {
      const gateway = deps.gateway;
      if (gateway === undefined)
        throw new AppError('invalid_state', { detail: 'No language model is set up, so a rule cannot draft replies.' });
      const { conversation } = await loadItem(deps.db, workspaceId, itemId);
      const reply = await draftAiReply(
        { db: deps.db, runtime: deps.runtime, gateway },
        {
          workspaceId,
          conversationId: conversation.id,
          itemId,
          instructions: instructions.trim() === '' ? undefined : instructions,
          actor: { type: 'system', id: null, name: `Rule: ${by.name}` },
        },
      );
      return { replyId: reply.id };
    },
    sendReply: async ({ workspaceId, itemId, text, by }) => {
      const reply = await sendReplyByRule(
        { db: deps.db, runtime: deps.runtime },
        { workspaceId, itemId, text, ruleId: by.ruleId, ruleName: by.name },
      );
      return { replyId: reply.id };
    },
  };
}
