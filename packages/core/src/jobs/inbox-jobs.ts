/**
 * Reading inboxes (docs/inbox.md, "Reading inboxes"): the every-minute sweep that queues due accounts, the
 * per-account read (keyed `read_inbox:<account>`), and the every-minute wake-up of snoozed conversations.
 * The due time lives on the cursor row, so a crash or a missed minute only delays a read.
 */
import { z } from 'zod';
import type { Database } from '@plume/db/client';
import { READ_INBOX_JOB, readInboxPayload } from '../inbox/inbox-jobs-contract.ts';
import { readInbox, type InboxReadDeps } from '../inbox/ingest/read-inbox.ts';
import { queueInboxReads, wakeSnoozedConversations } from '../inbox/ingest/queue-inbox-reads.ts';
import { isPublishingPaused } from '../publishing/publishing-pause.ts';
import type { NetworkRuntime } from '../social/network-runtime.ts';
import { defineJob } from './define-job.ts';

export const queueInboxReadsJob = defineJob({
  id: 'queue_inbox_reads',
  payload: z.object({}).loose(),
  run: async (deps: { db: Database; runtime: NetworkRuntime }) => {
    // A paused instance (a restored copy, say) leaves the networks alone.
    if (await isPublishingPaused(deps.db)) return { paused: true };
    return queueInboxReads(deps);
  },
});

export const readInboxJob = defineJob({
  id: READ_INBOX_JOB,
  payload: readInboxPayload,
  run: async (deps: InboxReadDeps, payload) => {
    if (await isPublishingPaused(deps.db)) return { paused: true };
    return readInbox(deps, payload.accountId);
  },
});

export const wakeSnoozedConversationsJob = defineJob({
  id: 'wake_snoozed_conversations',
  payload: z.object({}).loose(),
  run: (deps: { db: Database }) => wakeSnoozedConversations(deps.db),
});
