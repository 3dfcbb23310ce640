import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { browserTimezone } from './timezones.ts';
import { workspaceQueryOptions } from './workspace-queries.ts';

/**
 * The zone every time on the current page is shown in: the workspace's on /w/$workspaceId pages
 * (its loader has fetched the workspace), the browser's elsewhere (admin outbox, your invitations).
 * @example const zone = useTimeZone(); formatTime(post.scheduledAt, zone)
 */
export function useTimeZone(): string {
  const { workspaceId } = useParams({ strict: false });
  const workspace = useQuery({ ...workspaceQueryOptions(workspaceId ?? ''), enabled: workspaceId !== undefined });
  return workspaceId !== undefined && workspace.data ? workspace.data.timezone : browserTimezone();
}
