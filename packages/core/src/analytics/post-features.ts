/**
 * The features learning reads from a post: its text and length (counted the network's way), hashtags,
 * media, link and whether it is a thread. Computed from what the target published.
 */
import { findInlineHashtags } from '@plume/contract/posts/compose-post';
import type { NetworkManifest } from '@plume/networks/contract';
import { countText } from '@plume/networks/text/count-text';
import { findUrls } from '@plume/networks/text/find-urls';
import type { ResolvedContent } from '../posts/resolve-target-content.ts';

export type PostFeatures = {
  text: string;
  charCount: number;
  hashtagCount: number;
  hasMedia: boolean;
  hasLink: boolean;
  isThread: boolean;
};

export function featuresOfText(
  text: string,
  manifest: Pick<NetworkManifest, 'text'>,
  extra: { hasMedia: boolean; hasLink?: boolean; isThread?: boolean },
): PostFeatures {
  return {
    text,
    charCount: countText(text, manifest.text.count),
    hashtagCount: findInlineHashtags(text).length,
    hasMedia: extra.hasMedia,
    hasLink: extra.hasLink === true || findUrls(text).length > 0,
    isThread: extra.isThread ?? false,
  };
}

/** The features of what a target published (its text with hashtags, after overrides). */
export function featuresOfContent(content: ResolvedContent, manifest: Pick<NetworkManifest, 'text'>): PostFeatures {
  return featuresOfText(content.text, manifest, {
    hasMedia: content.mediaIds.length > 0,
    hasLink: content.link !== undefined && content.link !== '',
    isThread: content.thread.length > 0,
  });
}
