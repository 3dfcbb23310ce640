import { queryOptions } from '@tanstack/react-query';
import { publishingPauseSchema, resumedPublishingSchema } from '@plume/contract/instance/publishing-pause-schemas';
import { api } from '../../lib/api.ts';

/** Whether this server publishes; a restored copy starts paused until an admin resumes it. */
export const publishingPauseQueryOptions = queryOptions({
  queryKey: ['instance', 'publishing'],
  queryFn: () => api.get('/instance/publishing', publishingPauseSchema),
  staleTime: 60_000,
});

/** Resumes publishing (instance admin); posts that fell due meanwhile go out at once. */
export function resumePublishing() {
  return api.post('/instance/publishing/resume', {}, resumedPublishingSchema);
}
