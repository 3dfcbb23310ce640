import { REWRITE_ACTIONS, type RewriteKind } from '@plume/contract/content/content-enums';
import type { GeneratedPost, Quality } from '@plume/contract/content/content-schemas';
import type { RevisionView } from '@plume/contract/content/draft-schemas';

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
  return {
    revisionId: post.revisionId,
    text: post.text,
    title: post.title ?? null,
    thread: post.thread,
    warnings: [],
    hashtags: post.hashtags,
    count: post.count,
    limit: post.limit,
    fits: post.fits,
    quality: post.quality,
    source: 'generated',
  };
}

export function fromRevision(revision: RevisionView): ShownRevision {
  const { id, text, title, thread, warnings, hashtags, count, limit, fits, quality, source } = revision;
  return { revisionId: id, text, title, thread, warnings, hashtags, count, limit, fits, quality, source };
}

const criterionNames: Record<string, string> = {
  cta: 'Call to action',
  duplicate: 'Originality',
  voice: 'Voice match',
};

/** The words for a criterion id: `avoided_topics` → `Avoided topics`, `cta` → `Call to action`. */
export function criterionLabel(id: string): string {
  const known = criterionNames[id];
  if (known !== undefined) return known;
  const spaced = id.replaceAll('_', ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** Labels of the rewrite buttons. */
export const rewriteLabels: Record<RewriteKind, string> = {
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
