/** Posts as the API answers them, and the bodies and queries of the post routes. */
import { z } from 'zod';
import { targetPredictionSchema } from '../insights/insight-schemas.ts';
import { workspaceIdParam } from '../common-schemas.ts';
import { httpUrlSchema } from '../http-url-schema.ts';
import { NETWORK_IDS } from '../networks/network-enums.ts';
import { fieldProblemSchema, pageOf, type Wire } from '../wire.ts';
import { POST_ACTION_TYPES } from './post-actions.ts';
import { APPROVAL_MODES, FAILURE_KINDS, POST_EVENT_TYPES, POST_STATES, TARGET_STATES } from './post-states.ts';

export const postParams = z.object({ workspaceId: workspaceIdParam, postId: z.uuid() });

const threadPartSchema = z.object({ text: z.string(), mediaIds: z.array(z.string()) });

export const postContentView = z.object({
  text: z.string(),
  title: z.string().optional(),
  mediaIds: z.array(z.string()),
  link: z.string().optional(),
  thread: z.array(threadPartSchema),
  firstComment: z.string().optional(),
  hashtags: z.array(z.string()),
});

export const postTargetSchema = z.object({
  id: z.string(),
  accountId: z.string(),
  network: z.enum(NETWORK_IDS),
  accountHandle: z.string(),
  accountName: z.string(),
  state: z.enum(TARGET_STATES),
  remoteId: z.string().nullable(),
  remoteUrl: z.string().nullable(),
  failureKind: z.enum(FAILURE_KINDS).nullable(),
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
  content: postContentView,
  scheduledAt: z.string().nullable(),
  version: z.number(),
  reviewNote: z.string().nullable(),
  approvedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  targets: z.array(postTargetSchema),
  actions: z
    .array(z.enum(POST_ACTION_TYPES))
    .describe('What the caller may do with the post now, by its state, role and approval rights'),
});

/** `GET …/posts`: a page of posts. */
export const postPageSchema = pageOf(postSchema);

export const postEventSchema = z.object({
  id: z.number(),
  type: z.enum(POST_EVENT_TYPES),
  actorName: z.string().nullable(),
  targetId: z.string().nullable(),
  fromState: z
    .enum([...POST_STATES, 'pending', 'deleted'])
    .nullable()
    .describe('A post state, or a target state for target events'),
  toState: z.enum([...POST_STATES, 'pending', 'deleted']).nullable(),
  detail: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});

/** The last try at deleting a still-published target from its network, when it did not (yet) succeed. */
export const targetDeletionSchema = z.object({
  targetId: z.string(),
  state: z
    .enum(['running', 'failed', 'unknown'])
    .describe('`unknown`: no answer came after the request left; deleting again is safe'),
  reason: z.string().nullable(),
  at: z.string(),
});

export const postDetailSchema = postSchema.extend({
  events: z.array(postEventSchema),
  issues: z.array(fieldProblemSchema).describe('What still blocks publishing, with the path of the field at fault'),
  predictions: z
    .array(targetPredictionSchema)
    .describe(
      'What Plume expected of each target when the post was scheduled or approved, and the actual result after 24 h',
    ),
  deletions: z
    .array(targetDeletionSchema)
    .describe('Published targets whose deletion from the network is running, failed, or has an unknown outcome'),
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

/** Who must approve posts: the answer of `GET …/publishing-settings`. */
export const approvalSettingsSchema = z.object({
  approvalMode: z.enum(APPROVAL_MODES),
  approverIds: z.array(z.string()),
});

export const approvalSettingsBody = z.strictObject({
  approvalMode: z.enum(APPROVAL_MODES),
  approverIds: z.array(z.string().min(1).max(64)).max(100).default([]),
});

export type Post = Wire<typeof postSchema>;
export type PostPage = Wire<typeof postPageSchema>;
export type PostDetail = Wire<typeof postDetailSchema>;
export type PostTarget = Wire<typeof postTargetSchema>;
export type PostEvent = Wire<typeof postEventSchema>;
export type PostContentView = Wire<typeof postContentView>;
export type PostActionBody = Wire<typeof actionBody>;
export type ApprovalSettings = Wire<typeof approvalSettingsSchema>;
