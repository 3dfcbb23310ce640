import { queryOptions, useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import type { MediaApproval } from '@plume/contract/media/media-enums';
import { pageOf } from '@plume/contract/wire';
import { api } from '../../../lib/api.ts';
import { workspacePath } from '../../workspaces/workspace-queries.ts';
import { generationSchema, type Generation } from '@plume/contract/media/generation-schemas';
import { vaultItemSchema } from '@plume/contract/media/vault-schemas';

const generationPage = pageOf(generationSchema);

export const generationsPath = (workspaceId: string) => `${workspacePath(workspaceId)}/media/generations`;

const generationsKey = (workspaceId: string) => ['workspaces', workspaceId, 'media', 'generations'] as const;

/** True while the worker has the job: the page asks again every second. */
export function isRunning(generation: Pick<Generation, 'state'> | undefined): boolean {
  return generation?.state === 'queued' || generation?.state === 'running';
}

/** The workspace's latest generation jobs, newest first; asked again while one of them runs. */
export function generationsQueryOptions(workspaceId: string) {
  return queryOptions({
    queryKey: generationsKey(workspaceId),
    queryFn: async () => (await api.get(`${generationsPath(workspaceId)}?limit=20`, generationPage)).items,
    refetchInterval: (query) => (query.state.data?.some(isRunning) ? 3000 : false),
  });
}

/** One job, polled every second while it runs so its progress moves. */
export function generationQueryOptions(workspaceId: string, generationId: string) {
  return queryOptions({
    queryKey: [...generationsKey(workspaceId), generationId],
    queryFn: () => api.get(`${generationsPath(workspaceId)}/${encodeURIComponent(generationId)}`, generationSchema),
    refetchInterval: (query) => (query.state.data === undefined || isRunning(query.state.data) ? 1000 : false),
  });
}

/** Starts a job; answers it queued (202). */
export function useStartGeneration(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post(generationsPath(workspaceId), body, generationSchema),
    onSuccess: (generation) => {
      queryClient.setQueryData(generationQueryOptions(workspaceId, generation.id).queryKey, generation);
      void queryClient.invalidateQueries({ queryKey: generationsKey(workspaceId), exact: true });
    },
  });
}

/** Cancels a queued or running job; what it already made stays in the library. */
export function useCancelGeneration(workspaceId: string, generationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      api.post(`${generationsPath(workspaceId)}/${encodeURIComponent(generationId)}/cancel`, {}, generationSchema),
    onSuccess: (generation) => {
      queryClient.setQueryData(generationQueryOptions(workspaceId, generation.id).queryKey, generation);
      void queryClient.invalidateQueries({ queryKey: generationsKey(workspaceId), exact: true });
    },
  });
}

/** One vault item, as the studio shows a result. */
export function mediaItemQueryOptions(workspaceId: string, mediaId: string) {
  return queryOptions({
    queryKey: ['workspaces', workspaceId, 'media', 'item', mediaId],
    queryFn: () => api.get(`${workspacePath(workspaceId)}/media/${encodeURIComponent(mediaId)}`, vaultItemSchema),
  });
}

/** A job's results from the vault, in the job's order (each read once; approving one reads it again). */
export function useResultMedia(workspaceId: string, mediaIds: readonly string[]) {
  return useQueries({ queries: mediaIds.map((mediaId) => mediaItemQueryOptions(workspaceId, mediaId)) });
}

/** Approves or rejects one result in the vault (a pending AI item may be used only once approved). */
export function useReviewMedia(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ mediaId, approval }: { mediaId: string; approval: Exclude<MediaApproval, 'pending'> }) =>
      api.post(
        `${workspacePath(workspaceId)}/media/${encodeURIComponent(mediaId)}/${approval === 'approved' ? 'approve' : 'reject'}`,
        {},
        vaultItemSchema,
      ),
    onSuccess: (media) => queryClient.setQueryData(mediaItemQueryOptions(workspaceId, media.id).queryKey, media),
  });
}
