import { API_BASE } from '../../../lib/api.ts';
import { workspacePath } from '../../workspaces/workspace-queries.ts';

/** Where the browser reads a vault file (the session cookie authorises it). */
export function mediaFileUrl(workspaceId: string, media: { id: string; fileUrl?: string | undefined }): string {
  return media.fileUrl ?? `${API_BASE}${workspacePath(workspaceId)}/media/${encodeURIComponent(media.id)}/file`;
}
