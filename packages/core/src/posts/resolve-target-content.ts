/**
 * What one target publishes: the post's content with the target's overrides applied and hashtags
 * appended to the text, exactly as counted by the composer and sent by the engine.
 */
import type { PostContent, TargetOverride } from '@plume/db/schema/publishing';
import { normalizeHashtags } from './post-input.ts';

export type ResolvedContent = {
  text: string;
  title: string | undefined;
  mediaIds: string[];
  link: string | undefined;
  thread: { text: string; mediaIds: string[] }[];
  firstComment: string | undefined;
  hashtags: string[];
};

export function resolveTargetContent(content: PostContent, override: TargetOverride): ResolvedContent {
  const hashtags = normalizeHashtags(override.hashtags ?? content.hashtags);
  const body = (override.text ?? content.text).trimEnd();
  const text = hashtags.length === 0 ? body : body.length === 0 ? hashtags.join(' ') : `${body}\n\n${hashtags.join(' ')}`;
  return {
    text,
    title: override.title ?? content.title,
    mediaIds: override.mediaIds ?? content.mediaIds,
    link: content.link,
    thread: override.thread ?? content.thread,
    firstComment: override.firstComment ?? content.firstComment,
    hashtags,
  };
}
