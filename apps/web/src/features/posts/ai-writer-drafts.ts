import { queryOptions } from '@tanstack/react-query';
import { draftListResponse, draftSchema, type Draft, type RevisionView } from '@plume/contract/content/draft-schemas';
import { api } from '../../lib/api.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';
import { fromRevision, type ShownRevision } from './ai-writer-revisions.ts';

/** What the writer shows: a draft's variants, each with the revision chosen now per network. */
export interface ShownDraft {
  draftId: string;
  warnings: string[];
  variants: { variant: number; perNetwork: Record<string, ShownRevision> }[];
}

export const RECENT_DRAFTS = 5;

const draftsPath = (workspaceId: string) => `${workspacePath(workspaceId)}/content/drafts`;
export const draftsKey = (workspaceId: string) => ['workspaces', workspaceId, 'content-drafts'] as const;

/** The latest drafts, newest first. */
export function recentDraftsQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: [...draftsKey(workspaceId), 'recent'],
    queryFn: () => api.get(`${draftsPath(workspaceId)}?limit=${RECENT_DRAFTS}`, draftListResponse),
  });
}

/** One draft with every revision in order: its history. */
export function draftQueryOptions(workspaceId: string, draftId: string) {
  return queryOptions({
    queryKey: [...draftsKey(workspaceId), draftId],
    queryFn: () => api.get(`${draftsPath(workspaceId)}/${draftId}`, draftSchema),
  });
}

/**
 * The revisions of one network's text in one variant, oldest first.
 * @example revisionsOf(draft.revisions, 1, 'bluesky').map((r) => r.source) // ['generated', 'rewrite:shorter']
 */
export function revisionsOf(revisions: readonly RevisionView[], variant: number, network: string): RevisionView[] {
  return revisions
    .filter((revision) => revision.variant === variant && revision.network === network)
    .sort((a, b) => a.seq - b.seq);
}

/** A reopened draft: every variant with each network's latest revision. */
export function shownFromDraft(draft: Draft): ShownDraft {
  const byVariant = new Map<number, Record<string, ShownRevision>>();
  for (const revision of [...draft.revisions].sort((a, b) => a.seq - b.seq)) {
    byVariant.set(revision.variant, { ...byVariant.get(revision.variant), [revision.network]: fromRevision(revision) });
  }
  const variants = [...byVariant.entries()]
    .sort(([a], [b]) => a - b)
    .map(([variant, perNetwork]) => ({ variant, perNetwork }));
  return { draftId: draft.id, warnings: [], variants };
}

/** How a draft reads in a list: the brief's topic, or a fallback. */
export function draftTitle(brief: Record<string, unknown>): string {
  const topic = brief.topic;
  return typeof topic === 'string' && topic.trim() !== '' ? topic.trim() : 'Untitled draft';
}

/** What made a revision, in words for the history: `generated` → `Generated`, `rewrite:shorter` → `Rewrite: shorter`. */
export function historySourceLabel(source: string): string {
  if (source === 'generated') return 'Generated';
  if (source === 'manual') return 'Edited by hand';
  if (source.startsWith('rewrite:')) return `Rewrite: ${source.slice('rewrite:'.length).replaceAll('_', ' ')}`;
  return source;
}
