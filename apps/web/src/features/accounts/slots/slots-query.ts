import { queryOptions } from '@tanstack/react-query';
import { api } from '../../../lib/api.ts';
import { workspacePath } from '../../workspaces/workspace-queries.ts';
import type { PostingSlot } from './slot-list.ts';

export interface SlotsBody {
  timezone: string;
  slots: PostingSlot[];
}

function slotsPath(workspaceId: string, accountId: string): string {
  return `${workspacePath(workspaceId)}/accounts/${encodeURIComponent(accountId)}/slots`;
}

/** An account's weekly posting times, on the workspace clock. */
export function slotsQueryOptions(workspaceId: string, accountId: string) {
  return queryOptions({
    queryKey: ['workspaces', workspaceId, 'accounts', accountId, 'slots'],
    queryFn: () => api.get<SlotsBody>(slotsPath(workspaceId, accountId)),
  });
}

/** Replaces an account's posting times (an empty list removes them all). */
export function saveSlots(workspaceId: string, accountId: string, slots: PostingSlot[]): Promise<SlotsBody> {
  return api.put<SlotsBody>(slotsPath(workspaceId, accountId), { slots });
}

/** `GET …/slots/next`: the account's next free posting time (409 `no_free_slot` when it has none). */
export interface NextSlot {
  at: string;
  timezone: string;
  local: string;
  weekday: number;
}

/** The next free posting time of one account after now. */
export function fetchNextSlot(workspaceId: string, accountId: string): Promise<NextSlot> {
  return api.get<NextSlot>(`${slotsPath(workspaceId, accountId)}/next`);
}
