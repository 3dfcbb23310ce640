/**
 * Does a run's actions in order. Each records what it did (plain words and the ids it touched) or why
 * it failed; after a failure the rest are not done (a later action may rely on an earlier one), and
 * say so. Texts may quote the trigger's data with `{{field}}`.
 */
import { and, eq, sql } from 'drizzle-orm';
import type { ActionResult, AutomationAction } from '@plume/contract/automation/automation-schemas';
import { fillTemplate } from '@plume/contract/automation/rule-checks';
import { automationPostOrigins } from '@plume/db/schema/automation';
import { inboxConversations, inboxItems, inboxTags } from '@plume/db/schema/inbox';
import { isAppError } from '@plume/errors/app-error';
import { notify } from '../notifications/notify.ts';
import { AUTOPILOT_ACTOR, pauseAutopilot } from '../planning/autopilot/autopilot-store.ts';
import { scheduleAtNextSlot } from '../scheduling/schedule-next-slot.ts';
import type { AutomationServices, RuleActor, RunContext } from './automation-services.ts';
import { callRuleWebhook } from './call-rule-webhook.ts';

export type { RunContext };

type Done = { output: string; refs?: Record<string, string> };
type State = { postId?: string };

export async function performActions(
  services: AutomationServices,
  context: RunContext,
  actions: readonly AutomationAction[],
): Promise<ActionResult[]> {
  const results: ActionResult[] = [];
  const state: State = {};
  for (const action of actions) {
    if (results.some((result) => !result.ok)) {
      results.push({
        type: action.type,
        ok: false,
        output: null,
        error: 'Not done: an earlier action failed.',
        refs: {},
      });
      continue;
    }
    try {
      const done = await perform(services, context, action, state);
      results.push({ type: action.type, ok: true, output: done.output, error: null, refs: done.refs ?? {} });
    } catch (error) {
      results.push({ type: action.type, ok: false, output: null, error: reasonOf(error), refs: {} });
    }
  }
  return results;
}

function reasonOf(error: unknown): string {
  if (isAppError(error)) return error.errors?.map((item) => item.message).join(' ') || (error.detail ?? error.message);
  return error instanceof Error ? error.message : String(error);
}

function actorOf(context: RunContext): RuleActor {
  return { ruleId: context.rule.id, runId: context.runId, name: `Rule “${context.rule.name}”` };
}

function itemIdOf(context: RunContext): string {
  const itemId = context.data.itemId;
  if (typeof itemId !== 'string') throw new Error('The event names no inbox item.');
  return itemId;
}

async function perform(
  services: AutomationServices,
  context: RunContext,
  action: AutomationAction,
  state: State,
): Promise<Done> {
  const fill = (text: string) => fillTemplate(text, context.data);
  switch (action.type) {
    case 'generate_draft': {
      if (services.generateDraft === undefined)
        throw new Error('No AI model is set up on this worker, so no draft was written.');
      const { postId } = await services.generateDraft({
        workspaceId: context.workspaceId,
        topic: fill(action.topic),
        accountIds: action.accountIds,
        by: actorOf(context),
      });
      await services.db.insert(automationPostOrigins).values({ postId, runId: context.runId }).onConflictDoNothing();
      state.postId = postId;
      return { output: 'Wrote a draft post.', refs: { postId } };
    }
    case 'schedule_next_slot': {
      if (state.postId === undefined) throw new Error('There is no draft from this run to schedule.');
      await scheduleAtNextSlot(
        { db: services.db, runtime: services.runtime },
        {
          workspaceId: context.workspaceId,
          postId: state.postId,
          actor: { userId: null, name: actorOf(context).name, role: 'editor', kind: 'system' },
          zone: context.zone,
          now: services.now?.() ?? new Date(),
        },
      );
      return { output: 'Scheduled the draft in the next free slot.', refs: { postId: state.postId } };
    }
    case 'draft_reply':
    case 'send_reply':
      return reply(services, context, action);
    case 'assign':
      return assign(services, context, action.userId);
    case 'tag':
      return tag(services, context, action.tag);
    case 'notify': {
      const result = await notify(services.db, {
        workspaceId: context.workspaceId,
        kind: 'automation',
        audience: action.audience === 'managers' ? { type: 'managers' } : { type: 'members', minimumRole: 'viewer' },
        title: fill(action.title),
        body: fill(action.body) || `From the rule “${context.rule.name}”.`,
        link: `/w/${context.workspaceId}/automation`,
        dedupeKey: `automation:${context.runId}:${action.title}`,
      });
      return { output: `Notified ${result.notified.length} member(s) in the app, ${result.mailed.length} by mail.` };
    }
    case 'call_webhook':
      return callRuleWebhook(services, context, action.url);
    case 'pause_autopilot': {
      await pauseAutopilot(services.db, {
        workspaceId: context.workspaceId,
        reason: fill(action.reason),
        evidence: { ruleId: context.rule.id, runId: context.runId, by: AUTOPILOT_ACTOR.name },
        now: services.now?.() ?? new Date(),
      });
      return { output: 'Paused the autopilot.' };
    }
  }
}

async function reply(
  services: AutomationServices,
  context: RunContext,
  action: Extract<AutomationAction, { type: 'draft_reply' | 'send_reply' }>,
): Promise<Done> {
  if (services.replies === undefined) throw new Error('Replies are not available on this server yet.');
  const itemId = itemIdOf(context);
  if (action.type === 'draft_reply') {
    const { replyId } = await services.replies.draftReply({
      workspaceId: context.workspaceId,
      itemId,
      instructions: context.data === undefined ? '' : fillTemplate(action.instructions, context.data),
      by: actorOf(context),
    });
    return { output: 'Drafted a reply for a person to approve.', refs: { replyId } };
  }
  const { replyId } = await services.replies.sendReply({
    workspaceId: context.workspaceId,
    itemId,
    text: fillTemplate(action.text, context.data),
    by: actorOf(context),
  });
  return { output: 'Sent a reply (disclosed as automated).', refs: { replyId } };
}

async function conversationOf(services: AutomationServices, context: RunContext): Promise<string> {
  const [item] = await services.db
    .select({ conversationId: inboxItems.conversationId })
    .from(inboxItems)
    .where(and(eq(inboxItems.id, itemIdOf(context)), eq(inboxItems.workspaceId, context.workspaceId)));
  if (item === undefined) throw new Error('The inbox item is gone.');
  return item.conversationId;
}

async function assign(services: AutomationServices, context: RunContext, userId: string): Promise<Done> {
  const conversationId = await conversationOf(services, context);
  await services.db
    .update(inboxConversations)
    .set({ assigneeId: userId })
    .where(eq(inboxConversations.id, conversationId));
  return { output: 'Assigned the conversation.', refs: { conversationId, userId } };
}

async function tag(services: AutomationServices, context: RunContext, name: string): Promise<Done> {
  const conversationId = await conversationOf(services, context);
  await services.db.transaction(async (tx) => {
    await tx.insert(inboxTags).values({ workspaceId: context.workspaceId, name }).onConflictDoNothing();
    await tx
      .update(inboxConversations)
      .set({
        tags: sql`(SELECT array_agg(DISTINCT t) FROM unnest(array_append(${inboxConversations.tags}, ${name})) t)`,
      })
      .where(eq(inboxConversations.id, conversationId));
  });
  return { output: `Tagged the conversation “${name}”.`, refs: { conversationId } };
}
