/** Content studio types, as `…/content/*` and `…/brand-profile/preview` answer. */

export const CONTENT_TYPES = ['educational', 'promotional', 'review', 'comparison', 'tutorial', 'testimonial', 'behind_the_scenes'] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

export const REWRITE_ACTIONS = ['shorter', 'longer', 'more_casual', 'more_formal', 'add_emoji', 'translate'] as const;
export type RewriteAction = (typeof REWRITE_ACTIONS)[number];

/** One line of a quality score: what was checked, how it did (0–1, null = not scored), its weight, why. */
export interface QualityCriterion {
  id: string;
  score: number | null;
  weight: number;
  reason: string;
}

export interface Quality {
  score: number;
  criteria: QualityCriterion[];
}

/** A network's text in a variant, measured against the network's limit and scored. */
export interface GeneratedPost {
  revisionId: string;
  text: string;
  /** On networks with a separate title (YouTube, Reddit, Pinterest, TikTok). */
  title?: string;
  /** Further thread parts after `text` (X, Bluesky, Threads, Mastodon). */
  thread: string[];
  hashtags: string[];
  cta?: string;
  altText?: string;
  count: number;
  limit: number;
  fits: boolean;
  repaired?: string;
  quality: Quality;
}

export interface GenerateBody {
  brief: { topic: string; keyPoints?: string[]; cta?: string; contentType?: ContentType };
  targets: ({ accountId: string } | string)[];
  variants: number;
}

export interface GenerateResponse {
  draftId: string;
  variants: { variant: number; perNetwork: Record<string, GeneratedPost> }[];
  usage: { provider: string; model: string; costUsd: number; calls: number };
  warnings: string[];
  disclosure: string | null;
}

/** A stored revision (`rewrite` and `edit` answer `{ revision }`). */
export interface RevisionView {
  id: string;
  variant: number;
  network: string;
  text: string;
  title: string | null;
  thread: string[];
  /** Text, title or thread parts over a limit, or what generation shortened or left out. */
  warnings: string[];
  hashtags: string[];
  cta: string | null;
  count: number | null;
  limit: number | null;
  fits: boolean | null;
  source: string;
  quality: Quality | null;
}

/** A revision as the writer shows it: a generated post or a rewrite, in one shape. */
export interface ShownRevision {
  revisionId: string;
  text: string;
  title: string | null;
  thread: string[];
  warnings: string[];
  hashtags: string[];
  count: number | null;
  limit: number | null;
  fits: boolean | null;
  quality: Quality | null;
  source: string;
}

export function fromGenerated(post: GeneratedPost): ShownRevision {
  return { revisionId: post.revisionId, text: post.text, title: post.title ?? null, thread: post.thread, warnings: [], hashtags: post.hashtags, count: post.count, limit: post.limit, fits: post.fits, quality: post.quality, source: 'generated' };
}

export function fromRevision(revision: RevisionView): ShownRevision {
  const { id, text, title, thread, warnings, hashtags, count, limit, fits, quality, source } = revision;
  return { revisionId: id, text, title, thread, warnings, hashtags, count, limit, fits, quality, source };
}

const criterionNames: Record<string, string> = { cta: 'Call to action', duplicate: 'Originality', voice: 'Voice match' };

/** The words for a criterion id: `avoided_topics` → `Avoided topics`, `cta` → `Call to action`. */
export function criterionLabel(id: string): string {
  const known = criterionNames[id];
  if (known !== undefined) return known;
  const spaced = id.replaceAll('_', ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** Labels of the rewrite buttons. */
export const rewriteLabels: Record<RewriteAction, string> = {
  shorter: 'Shorter',
  longer: 'Longer',
  more_casual: 'More casual',
  more_formal: 'More formal',
  add_emoji: 'Add emoji',
  translate: 'Translate',
};

/** What made a revision, in words: `rewrite:shorter` → `Shorter`, `manual` → `Edited`; generated texts say nothing. */
export function sourceLabel(source: string): string | undefined {
  if (source === 'manual') return 'Edited';
  if (!source.startsWith('rewrite:')) return undefined;
  const action = REWRITE_ACTIONS.find((candidate) => `rewrite:${candidate}` === source);
  return action ? rewriteLabels[action] : 'Rewritten';
}
