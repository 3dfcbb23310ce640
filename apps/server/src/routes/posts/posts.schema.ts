import { z } from 'zod';
import { POST_STATES } from '@plume/core/posts/post-machine';
import { httpUrlSchema, workspaceIdParam } from '../../lib/common-schemas.ts';

export const postParams = z.object({ workspaceId: workspaceIdParam, postId: z.uuid() });

const targetSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  network: z.string(),
  accountHandle: z.string(),
  accountName: z.string(),
  state: z.string(),
  remoteId: z.string().nullable(),
  remoteUrl: z.string().nullable(),
  failureKind: z.string().nullable(),
  failureReason: z.string().nullable(),
  attempts: z.number(),
  nextAttemptAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  override: z.record(z.string(), z.unknown()),
  settings: z.record(z.string(), z.unknown()),
});

export const postSchema = z.object({
  id: z.string(),
  state: z.enum(POST_STATES),
  content: z.object({
    text: z.string(),
    title: z.string().optional(),
    mediaIds: z.array(z.string()),
    link: z.string().optional(),
    thread: z.array(z.object({ text: z.string(), mediaIds: z.array(z.string()) })),
    firstComment: z.string().optional(),
    hashtags: z.array(z.string()),
  }),
  scheduledAt: z.string().nullable(),
  version: z.number(),
  reviewNote: z.string().nullable(),
  approvedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  targets: z.array(targetSchema),
});

export const postDetailSchema = postSchema.extend({
  events: z.array(
    z.object({
      id: z.number(),
      type: z.string(),
      actorName: z.string().nullable(),
      targetId: z.string().nullable(),
      fromState: z.string().nullable(),
      toState: z.string().nullable(),
      detail: z.record(z.string(), z.unknown()),
      createdAt: z.string(),
    }),
  ),
  issues: z.array(z.object({ path: z.string(), message: z.string() })),
});

const commaSeparated = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .max(2000)
    .transform((value) => value.split(',').filter(Boolean))
    .pipe(z.array(item).max(50));

export const listQuery = z.object({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  state: commaSeparated(z.enum(POST_STATES)).optional(),
  accountId: commaSeparated(z.uuid()).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(200).optional(),
});

const reason = z.string().trim().min(1).max(2000);

export const actionBody = z.discriminatedUnion('type', [
  z.strictObject({ type: z.enum(['submit', 'approve', 'unschedule', 'cancel', 'reopen', 'retry', 'republish']) }),
  z.strictObject({ type: z.enum(['reject', 'request_changes']), reason }),
  z.strictObject({ type: z.literal('schedule'), scheduledAt: z.iso.datetime({ offset: true }) }),
  z.strictObject({ type: z.literal('schedule_next_slot') }),
  z.strictObject({ type: z.literal('confirm'), published: z.boolean(), url: httpUrlSchema().optional() }),
]);

export const approvalSettingsSchema = z.strictObject({
  approvalMode: z.enum(['none', 'any_admin', 'specific']),
  approverIds: z.array(z.string().min(1).max(64)).max(100).default([]),
});
