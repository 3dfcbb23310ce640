/** A stored revision as the API shows it: the text, how it measures against its limit, and its score. */
import type { z } from 'zod';
import type { revisionSchema } from '@plume/contract/content/draft-schemas';
import type { RevisionRow, StoredQuality } from './draft-store.ts';

export type RevisionView = z.output<typeof revisionSchema>;

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
    quality:
      stored && typeof stored.score === 'number' ? { score: stored.score, criteria: stored.criteria ?? [] } : null,
    createdAt: row.createdAt,
  };
}
