import { describe, expect, it } from 'vitest';
import type { Draft, RevisionView } from '@plume/contract/content/draft-schemas';
import type { NetworkId } from '@plume/contract/networks/network-enums';
import { draftTitle, historySourceLabel, revisionsOf, shownFromDraft } from './ai-writer-drafts.ts';

let seq = 0;
function revision(variant: number, network: NetworkId, source: RevisionView['source'], text: string): RevisionView {
  seq += 1;
  return {
    id: `r${seq}`,
    seq,
    variant,
    network,
    text,
    title: null,
    thread: [],
    warnings: [],
    hashtags: [],
    cta: null,
    count: text.length,
    limit: 300,
    fits: true,
    source,
    altText: null,
    repaired: null,
    quality: { score: 70, criteria: [] },
    parentId: null,
    createdAt: `2026-12-04T10:0${seq % 10}:00Z`,
  };
}

describe('ai-writer-drafts', () => {
  const first = revision(1, 'bluesky', 'generated', 'Long first text');
  const other = revision(1, 'mastodon', 'generated', 'Mastodon text');
  const second = revision(2, 'bluesky', 'generated', 'Variant two');
  const shorter = revision(1, 'bluesky', 'rewrite:shorter', 'Short');
  const draft: Draft = {
    id: 'd1',
    brief: { topic: ' Cold brew ' },
    postId: null,
    createdBy: null,
    createdAt: '',
    updatedAt: '',
    revisions: [shorter, second, other, first],
  };

  it('lists one network’s revisions in a variant, oldest first', () => {
    expect(revisionsOf(draft.revisions, 1, 'bluesky').map((r) => r.text)).toEqual(['Long first text', 'Short']);
    expect(revisionsOf(draft.revisions, 3, 'bluesky')).toEqual([]);
  });

  it('reopens a draft with the latest revision per variant and network', () => {
    const shown = shownFromDraft(draft);
    expect(shown.draftId).toBe('d1');
    expect(shown.variants.map((v) => v.variant)).toEqual([1, 2]);
    expect(shown.variants[0]?.perNetwork.bluesky?.text).toBe('Short');
    expect(shown.variants[0]?.perNetwork.bluesky?.revisionId).toBe(shorter.id);
    expect(shown.variants[0]?.perNetwork.mastodon?.source).toBe('generated');
    expect(shown.variants[1]?.perNetwork.bluesky?.text).toBe('Variant two');
  });

  it('names drafts and revision sources', () => {
    expect(draftTitle(draft.brief)).toBe('Cold brew');
    expect(draftTitle({})).toBe('Untitled draft');
    expect(historySourceLabel('generated')).toBe('Generated');
    expect(historySourceLabel('rewrite:more_casual')).toBe('Rewrite: more casual');
    expect(historySourceLabel('manual')).toBe('Edited by hand');
  });
});
