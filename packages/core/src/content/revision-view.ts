/** A stored revision as the API shows it: the text, how it measures against its limit, and its score. */
import type { Criterion } from './criterion.ts';
import type { RevisionRow, StoredQuality } from './draft-store.ts';

export type RevisionView = {
  id: string;
  seq: number;
  variant: number;
  network: string;
  text: string;
  title: string | null;
  thread: string[];
  hashtags: string[];
  cta: string | null;
  altText: string | null;
  source: string;
  parentId: string | null;
  count: number | null;
  limit: number | null;
  fits: boolean | null;
  repaired: string | null;
  /** What was shortened or left out of the title and thread, or is over a limit there. */
  warnings: string[];
  quality: { score: number; criteria: Criterion[] } | null;
  createdAt: Date;
};

export function toRevisionView(row: RevisionRow): RevisionView {
  const stored = row.quality as Partial<StoredQuality> | null;
  return {
    id: row.id,
    seq: row.seq,
    variant: row.variant,
    network: row.network,
    text: row.text,
    title: row.title,
    thread: row.thread,
    hashtags: row.hashtags,
    cta: row.cta,
    altText: row.altText,
    source: row.source,
    parentId: row.parentId,
    count: stored?.count ?? null,
    limit: stored?.limit ?? null,
    fits: stored?.fits ?? null,
    repaired: stored?.repaired ?? null,
    warnings: stored?.warnings ?? [],
    quality: stored && typeof stored.score === 'number' ? { score: stored.score, criteria: stored.criteria ?? [] } : null,
    createdAt: row.createdAt,
  };
}
