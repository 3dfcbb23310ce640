/**
 * Replies and moderation (routes under /api/v1/workspaces/{workspaceId}/inbox; docs/inbox.md). A reply is
 * a draft until a person approves it; approving queues the exactly-once send.
 */
import { z } from 'zod';
import { workspaceIdParam } from '../common-schemas.ts';
import { MODERATION_ACTIONS } from './inbox-enums.ts';

export const replyParams = z.object({ workspaceId: workspaceIdParam, replyId: z.uuid() });
export const itemParams = z.object({ workspaceId: workspaceIdParam, itemId: z.uuid() });

const replyText = z.string().trim().min(1, 'Write the reply').max(10000, 'A reply has at most 10,000 characters');

/** A person's reply to one item of the conversation; `send: true` approves it at once. */
export const createReplyBody = z.strictObject({
  itemId: z.uuid(),
  text: replyText,
  send: z.boolean().default(false),
});

/** Asks the AI for a draft answering one item (the latest incoming one when absent). */
export const draftReplyBody = z.strictObject({
  itemId: z.uuid().optional(),
  instructions: z.string().trim().max(500).optional().describe('What the answer should say, in a few words'),
});

export const updateReplyBody = z.strictObject({ text: replyText });

/** For an `unconfirmed` reply: what a person saw on the network. */
export const resolveReplyBody = z.strictObject({
  outcome: z.enum(['sent', 'not_sent']),
  url: z.string().url().max(2000).optional(),
});

export const moderateItemBody = z.strictObject({ action: z.enum(MODERATION_ACTIONS) });

/** The workspace's inbox settings. Automation that sends or hides is off until the owner turns it on. */
export const inboxSettingsSchema = z.object({
  classify: z.boolean().describe('Classify new items with the AI (sentiment, intent, priority, language)'),
  draftReplies: z.boolean().describe('Write a reply draft for new questions, complaints and leads'),
  autoHideSpam: z.boolean().describe('Hide items classified as spam, where the network allows hiding'),
  disclosedAutomation: z
    .boolean()
    .describe('Owner only: lets automation rules send replies, each carrying the disclosure'),
  disclosure: z.string().describe('Added to every reply an automation sends, e.g. “— sent by our assistant”'),
});
export const inboxSettingsBody = z.strictObject({
  classify: z.boolean().optional(),
  draftReplies: z.boolean().optional(),
  autoHideSpam: z.boolean().optional(),
  disclosedAutomation: z.boolean().optional(),
  disclosure: z.string().trim().min(1, 'Write the disclosure').max(120, 'At most 120 characters').optional(),
});
