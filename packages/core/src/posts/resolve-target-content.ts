/**
 * What one target publishes: the post's content with the target's overrides applied and hashtags
 * appended to the text (those the text already holds are not repeated), exactly as counted by the
 * composer and sent by the engine: both call `composePost`.
 */
import type { PostContent, TargetOverride } from '@plume/db/schema/publishing';
import { composePost, normalizeHashtags } from '@plume/contract/posts/compose-post';

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
  return {
    text: composePost(override.text ?? content.text, hashtags),
    title: override.title ?? content.title,
    mediaIds: override.mediaIds ?? content.mediaIds,
    link: content.link,
    thread: override.thread ?? content.thread,
    firstComment: override.firstComment ?? content.firstComment,
    hashtags,
  };
}
