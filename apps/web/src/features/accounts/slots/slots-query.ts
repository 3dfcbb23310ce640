import { queryOptions } from '@tanstack/react-query';
import { nextSlotResponse, slotsResponse } from '@plume/contract/posting-slots/slot-schemas';
import { api } from '../../../lib/api.ts';
import { workspacePath } from '../../workspaces/workspace-queries.ts';
import type { PostingSlot } from './slot-list.ts';

function slotsPath(workspaceId: string, accountId: string): string {
  return `${workspacePath(workspaceId)}/accounts/${encodeURIComponent(accountId)}/slots`;
}

/** An account's weekly posting times, on the workspace clock. */
export function slotsQueryOptions(workspaceId: string, accountId: string) {
  return queryOptions({
    queryKey: ['workspaces', workspaceId, 'accounts', accountId, 'slots'],
    queryFn: () => api.get(slotsPath(workspaceId, accountId), slotsResponse),
  });
}

/** Replaces an account's posting times (an empty list removes them all). */
export function saveSlots(workspaceId: string, accountId: string, slots: PostingSlot[]) {
  return api.put(slotsPath(workspaceId, accountId), { slots }, slotsResponse);
}

/** The next free posting time of one account after now. */
export function fetchNextSlot(workspaceId: string, accountId: string) {
  return api.get(`${slotsPath(workspaceId, accountId)}/next`, nextSlotResponse);
}
