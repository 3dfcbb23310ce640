/**
 * Hashtags: how many (within the network's recommended maximum) and how relevant (a tag is relevant
 * when its words meet the brief's or the brand's topic words, or it is one of the brand's own tags).
 * A tag the brand never uses scores 0.
 */
import type { BrandProfile } from '@plume/contract/content/brand-profile';
import { findInlineHashtags } from '@plume/contract/posts/compose-post';
import type { Verdict } from './criterion.ts';
import type { TargetNetwork } from './target-network.ts';
import { stem, wordsOf } from './text-words.ts';

/** 'ColdBrew2026' / 'cold_brew' → ['cold', 'brew', '2026']. */
function tagWords(tag: string): string[] {
  return tag
    .split(/_|(?<=\p{Ll})(?=\p{Lu})|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u)
    .filter(Boolean)
    .map(stem);
}

export function isRelevantTag(tag: string, topicStems: ReadonlySet<string>): boolean {
  const lower = tag.toLowerCase();
  if (tagWords(tag).some((word) => topicStems.has(word))) return true;
  return [...topicStems].some((word) => word.length >= 4 && lower.includes(word));
}

export function topicStemsOf(topicText: string, brand: BrandProfile): Set<string> {
  const text = [topicText, brand.industry, ...brand.topics].join(' ');
  return new Set(
    wordsOf(text, brand.language)
      .filter((word) => word.length >= 3)
      .map(stem),
  );
}

function countVerdict(count: number, network: TargetNetwork): Verdict {
  const max = network.hashtags.recommendedMax;
  const plural = (n: number) => `${n} hashtag${n === 1 ? '' : 's'}`;
  if (max === 0) {
    return count === 0
      ? { score: 1, reason: `No hashtags, as suits ${network.name}.` }
      : { score: 0.3, reason: `${plural(count)}, but hashtags do nothing on ${network.name}; remove them.` };
  }
  if (count === 0)
    return { score: 0.7, reason: `No hashtags; up to ${max} help people find posts on ${network.name}.` };
  if (count <= max) return { score: 1, reason: `${plural(count)}, within the ${max} recommended on ${network.name}.` };
  return {
    score: Math.max(0.2, max / count),
    reason: `${plural(count)}; ${network.name} does best with at most ${max}.`,
  };
}

export function scoreHashtags(
  composed: string,
  network: TargetNetwork,
  brand: BrandProfile,
  topicText: string,
): Verdict {
  const tags = [...new Map(findInlineHashtags(composed).map((tag) => [tag.toLowerCase(), tag])).values()];
  const never = new Set(brand.hashtags.never.map((tag) => tag.toLowerCase()));
  const banned = tags.filter((tag) => never.has(tag.toLowerCase()));
  if (banned.length > 0) {
    return { score: 0, reason: `It uses ${banned.map((tag) => `#${tag}`).join(', ')}, which the brand never uses.` };
  }
  const counted = countVerdict(tags.length, network);
  if (tags.length === 0 || network.hashtags.recommendedMax === 0) return counted;

  const always = new Set(brand.hashtags.always.map((tag) => tag.toLowerCase()));
  const stems = topicStemsOf(topicText, brand);
  const offTopic = tags.filter((tag) => !always.has(tag.toLowerCase()) && !isRelevantTag(tag, stems));
  const relevance = 1 - offTopic.length / tags.length;
  const relevanceReason =
    offTopic.length === 0
      ? 'all relate to the topic'
      : `${offTopic.map((tag) => `#${tag}`).join(', ')} ${offTopic.length === 1 ? 'does' : 'do'} not relate to the topic`;
  return {
    score: 0.5 * counted.score + 0.5 * relevance,
    reason: `${counted.reason.replace(/\.$/, '')}; ${relevanceReason}.`,
  };
}
