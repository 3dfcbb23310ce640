import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api.ts';

/** Whether this server publishes; a restored copy starts paused until an admin resumes it. */
export interface PublishingPause {
  paused: boolean;
  pausedAt: string | null;
  reason: string | null;
  changedBy: string | null;
}

export const publishingPauseQueryOptions = queryOptions({
  queryKey: ['instance', 'publishing'],
  queryFn: () => api.get<PublishingPause>('/instance/publishing'),
  staleTime: 60_000,
});

/** Resumes publishing (instance admin); posts that fell due meanwhile go out at once. */
export function resumePublishing(): Promise<PublishingPause & { queued: number }> {
  return api.post<PublishingPause & { queued: number }>('/instance/publishing/resume');
}
