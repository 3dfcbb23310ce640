/** The content studio's words: content types, template placeholders, rewrites, quality criteria, repairs. */

/** One built-in template per content type. */
export const CONTENT_TYPES = [
  'educational',
  'promotional',
  'review',
  'comparison',
  'tutorial',
  'testimonial',
  'behind_the_scenes',
] as const;
export type ContentType = (typeof CONTENT_TYPES)[number];

/** Every placeholder a skeleton may use. Anything else in `{{…}}` is an error, never left in a prompt. */
export const TEMPLATE_PLACEHOLDERS = [
  'topic',
  'audience',
  'brand',
  'cta',
  'product',
  'competitor',
  'key_points',
  'customer',
  'goal',
] as const;
export type PlaceholderName = (typeof TEMPLATE_PLACEHOLDERS)[number];

export const REWRITE_ACTIONS = ['shorter', 'longer', 'more_casual', 'more_formal', 'add_emoji', 'translate'] as const;
export type RewriteKind = (typeof REWRITE_ACTIONS)[number];

/** What a revision came from: generation, a rewrite (`rewrite:shorter`…) or a person's edit. */
export type RevisionSource = 'generated' | 'manual' | `rewrite:${RewriteKind}`;

/** The quality score's criteria. */
export const CRITERION_IDS = [
  'length',
  'readability',
  'hook',
  'cta',
  'hashtags',
  'avoided_topics',
  'duplicate',
  'voice',
] as const;
export type CriterionId = (typeof CRITERION_IDS)[number];

/** How generated text was brought within the limit (`needs_rewrite`: it could not be, a rewrite is due). */
export const REPAIRS = [
  'dropped_hashtags',
  'trimmed_sentence',
  'trimmed_clause',
  'trimmed_word',
  'rewritten_shorter',
  'needs_rewrite',
] as const;
export type Repair = (typeof REPAIRS)[number];
