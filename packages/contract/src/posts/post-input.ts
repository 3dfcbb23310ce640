/**
 * Shapes of post input, shared by the API and the CSV import. Objects are strict: an unknown field
 * is an error, not silently dropped.
 */
import { z } from 'zod';
import { httpUrlSchema } from '../http-url-schema.ts';
import type { Wire } from '../wire.ts';

const text = z.string().max(40_000);
const mediaIds = z.array(z.uuid()).max(20);
const hashtag = z
  .string()
  .min(1)
  .max(100)
  .regex(/^#?[\p{L}\p{N}_]+$/u, 'A hashtag is letters, digits and underscores, with or without #');

const threadPart = z.strictObject({ text: text.min(1), mediaIds: mediaIds.default([]) });

export const postContentSchema = z.strictObject({
  text: text.default(''),
  title: z.string().max(300).optional(),
  mediaIds: mediaIds.default([]),
  link: httpUrlSchema().optional(),
  thread: z.array(threadPart).max(50).default([]),
  firstComment: z.string().max(10_000).optional(),
  hashtags: z.array(hashtag).max(60).default([]),
});

export type PostContentInput = z.infer<typeof postContentSchema>;

export const targetOverrideSchema = z.strictObject({
  text: text.optional(),
  title: z.string().max(300).optional(),
  mediaIds: mediaIds.optional(),
  thread: z.array(threadPart).max(50).optional(),
  firstComment: z.string().max(10_000).optional(),
  hashtags: z.array(hashtag).max(60).optional(),
});

export const targetInputSchema = z.strictObject({
  accountId: z.uuid(),
  override: targetOverrideSchema.default({}),
  settings: z.record(z.string().max(100), z.unknown()).default({}),
});

export type TargetInput = z.infer<typeof targetInputSchema>;

export const createPostSchema = z.strictObject({
  content: postContentSchema,
  targets: z.array(targetInputSchema).max(50).default([]),
  scheduledAt: z.iso.datetime({ offset: true }).nullable().optional(),
  /** Submit at once (for review, or straight to approved/scheduled when no approval is needed). */
  submit: z.boolean().default(false),
});

export type CreatePostInput = z.infer<typeof createPostSchema>;

export const updatePostSchema = z.strictObject({
  /** The version the client edited; a newer version on the server means someone else changed it. */
  version: z.number().int().min(1),
  content: postContentSchema.optional(),
  targets: z.array(targetInputSchema).max(50).optional(),
  scheduledAt: z.iso.datetime({ offset: true }).nullable().optional(),
});

export type UpdatePostInput = z.infer<typeof updatePostSchema>;

type ContentLike = {
  text?: string;
  title?: string;
  mediaIds?: readonly string[];
  link?: string;
  thread?: readonly unknown[];
  firstComment?: string;
  hashtags?: readonly string[];
};

function hasContent(content: ContentLike): boolean {
  const filled = (value: string | undefined) => value !== undefined && value.trim().length > 0;
  return (
    filled(content.text) ||
    filled(content.title) ||
    filled(content.link) ||
    filled(content.firstComment) ||
    (content.mediaIds?.length ?? 0) > 0 ||
    (content.thread?.length ?? 0) > 0 ||
    (content.hashtags?.length ?? 0) > 0
  );
}

/**
 * Whether a post says anything at all: its shared content, or one target's own text or media. A post
 * with nothing in any field is refused, even as a draft: it would sit in the lists as "(no text)".
 */
export function isEmptyPost(content: ContentLike, targets: readonly { override: ContentLike }[]): boolean {
  return !hasContent(content) && !targets.some((target) => hasContent(target.override));
}

export type CreatePostBody = Wire<typeof createPostSchema>;
export type UpdatePostBody = Wire<typeof updatePostSchema>;
