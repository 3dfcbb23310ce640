/**
 * The one way a reply goes out without a person approving it: an automation rule (docs/automation.md)
 * that the workspace owner allowed, by turning on `disclosedAutomation` in the inbox settings. The
 * reply carries the workspace's disclosure line as its last line, is recorded with its rule, and is
 * sent by the same exactly-once job as every other reply.
 */
import { inboxReplies } from '@plume/db/schema/inbox';
import { AppError } from '@plume/errors/app-error';
import { recordAudit } from '../../audit/record-audit.ts';
import { appendDisclosure } from '../../content/disclosure.ts';
import { enqueueSendReply } from '../inbox-jobs-contract.ts';
import { readInboxSettings } from './inbox-settings.ts';
import { loadItem } from './item-access.ts';
import { checkCanReply, newIdempotencyKey, type ReplyDeps, type ReplyRow } from './manage-replies.ts';
import { INBOX_SYSTEM_ACTOR } from './record-reply-outcome.ts';

export type RuleReply = {
  workspaceId: string;
  itemId: string;
  /** The reply's body; the disclosure is added here, not by the rule. */
  text: string;
  ruleId: string;
  /** The rule's name, for the audit log. */
  ruleName: string;
};

/**
 * Queues the reply for sending and returns it (state `approved`, origin `rule`). Throws 409 when the
 * owner has not allowed automated replies, or when the network cannot answer this item; 400 at `text`
 * when the reply with its disclosure does not fit the network's limit.
 */
export async function sendReplyByRule(deps: ReplyDeps, input: RuleReply): Promise<ReplyRow> {
  return deps.db.transaction(async (tx) => {
    const settings = await readInboxSettings(tx, input.workspaceId);
    if (!settings.disclosedAutomation)
      throw new AppError('invalid_state', {
        detail:
          'Automation rules may not send replies in this workspace: the owner has not turned on disclosed automated replies in the inbox settings. The rule can draft a reply for a person to approve instead.',
      });
    const loaded = await loadItem(tx, input.workspaceId, input.itemId);
    const text = appendDisclosure(input.text.trim(), settings.disclosure);
    checkCanReply(deps.runtime, loaded, text);
    const actor = { ...INBOX_SYSTEM_ACTOR, name: `Rule: ${input.ruleName}` };
    const [reply] = await tx
      .insert(inboxReplies)
      .values({
        workspaceId: input.workspaceId,
        conversationId: loaded.conversation.id,
        itemId: loaded.item.id,
        text,
        state: 'approved',
        origin: 'rule',
        disclosure: settings.disclosure,
        ruleId: input.ruleId,
        approvedAt: new Date(),
        idempotencyKey: newIdempotencyKey(),
      })
      .returning();
    if (reply === undefined) throw new Error('reply insert returned no row');
    await recordAudit(tx, input.workspaceId, actor, 'inbox.reply_approved', 'inbox_reply', reply.id, {
      conversationId: loaded.conversation.id,
      origin: 'rule',
      ruleId: input.ruleId,
    });
    await enqueueSendReply(tx, reply.id);
    return reply;
  });
}
