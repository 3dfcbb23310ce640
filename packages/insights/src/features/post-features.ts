import { zonedParts } from '../time/zoned-time.ts';

/** What a post (or a draft) is, as the models see it. */
export type PostInput = {
  publishedAt: Date;
  text: string;
  hasMedia?: boolean;
  hasLink?: boolean;
  isThread?: boolean;
};

export type PostKind = 'original' | 'repost' | 'reply';

export type PostFeatures = {
  /** Hour 0–23 and weekday (0 = Monday) in the account's zone. */
  hour: number;
  weekday: number;
  /** Length in characters (code points). */
  length: number;
  hasLink: boolean;
  hashtagCount: number;
  mentionCount: number;
  hasMedia: boolean;
  isThread: boolean;
  /** A repost of someone else's post ("RT @…") or a reply ("@name …" at the start) or an original. */
  kind: PostKind;
  /** Asks the reader to act (sign, join, watch, click, enter…): such posts earn fewer likes. */
  hasCallToAction: boolean;
  /** Written in the first person (I, my, me). */
  isFirstPerson: boolean;
  /** Quotes someone ("…" or “…”). */
  hasQuote: boolean;
  hasQuestion: boolean;
};

const CALL_TO_ACTION =
  /\b(sign( up)?|join|add your (voice|name)|click|enter|rsvp|watch|tune in|read more|learn more|find out|check out|donate|register|subscribe|vote|retweet|share this|get covered|take a look|see how|say you're in)\b/i;
const FIRST_PERSON = /(^|[^\p{L}])(I|I'm|I've|I'll|my|me|mine)(?![\p{L}])/u;
const QUOTE = /"[^"]{12,}"|“[^”]{12,}”/;
const LINK = /\bhttps?:\/\/\S+/i;
const HASHTAG = /(^|[^\p{L}\p{N}_&])#[\p{L}\p{N}_]*\p{L}[\p{L}\p{N}_]*/gu;
const MENTION = /(^|[^\p{L}\p{N}_])@[A-Za-z0-9_]{1,30}/gu;

/** How many hashtags a text holds (`#` followed by a word with at least one letter). */
export function countHashtags(text: string): number {
  return text.match(HASHTAG)?.length ?? 0;
}

/** Whether a text is a repost, a reply or an original post, from its text alone. */
export function kindOf(text: string): PostKind {
  const start = text.trimStart();
  if (/^RT @\w+/.test(start)) return 'repost';
  if (/^(\.?@\w+)/.test(start)) return 'reply';
  return 'original';
}

/**
 * The features of a post in the account's time zone. Flags the source gave win; otherwise links come
 * from the text and media count as absent.
 * @example postFeatures({ publishedAt: new Date(), text: 'Read this https://x.org #news' }, 'Europe/Paris')
 */
export function postFeatures(post: PostInput, zone: string): PostFeatures {
  const { hour, weekday } = zonedParts(post.publishedAt, zone);
  return {
    hour,
    weekday,
    length: [...post.text].length,
    hasLink: post.hasLink ?? LINK.test(post.text),
    hashtagCount: countHashtags(post.text),
    mentionCount: post.text.match(MENTION)?.length ?? 0,
    hasMedia: post.hasMedia ?? false,
    isThread: post.isThread ?? false,
    kind: kindOf(post.text),
    hasCallToAction: CALL_TO_ACTION.test(post.text),
    isFirstPerson: FIRST_PERSON.test(post.text),
    hasQuote: QUOTE.test(post.text),
    hasQuestion: post.text.includes('?'),
  };
}
