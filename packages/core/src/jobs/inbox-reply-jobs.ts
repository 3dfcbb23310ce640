/**
 * The inbox's reply and AI jobs: sending one approved reply exactly once, and classifying new items
 * (queued by ingestion; names and payloads in inbox/inbox-jobs-contract.ts).
 */
import { classifyInboxItems, type ClassifyDeps } from '../inbox/ai/classify-items.ts';
import {
  CLASSIFY_INBOX_ITEMS_JOB,
  classifyInboxItemsPayload,
  SEND_INBOX_REPLY_JOB,
  sendInboxReplyPayload,
} from '../inbox/inbox-jobs-contract.ts';
import { fireInboxItemTriggers } from '../inbox/ingest/inbox-automation-hook.ts';
import { sendInboxReply, type SendReplyDeps } from '../inbox/replies/send-reply.ts';
import { defineJob } from './define-job.ts';

export const sendInboxReplyJob = defineJob({
  id: SEND_INBOX_REPLY_JOB,
  payload: sendInboxReplyPayload,
  run: (deps: SendReplyDeps, payload) => sendInboxReply(deps, payload.replyId),
});

export const classifyInboxItemsJob = defineJob({
  id: CLASSIFY_INBOX_ITEMS_JOB,
  payload: classifyInboxItemsPayload,
  run: async (deps: ClassifyDeps, payload) => {
    const result = await classifyInboxItems(deps, payload);
    // Automation rules see the items with whatever classification they got (none when it was skipped).
    await fireInboxItemTriggers(deps.db, payload.workspaceId, payload.itemIds);
    return result;
  },
});
