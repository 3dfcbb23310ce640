import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { api } from '../../lib/api.ts';
import { forgetWorkspaceId } from '../workspaces/last-workspace.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';
import type { Role } from '../workspaces/workspace-types.ts';
import type { Member } from './member-types.ts';

/** Role change and removal for one member; removing yourself leaves the workspace. */
export function useMemberActions(workspaceId: string, member: Member, isSelf: boolean) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const path = `${workspacePath(workspaceId)}/members/${encodeURIComponent(member.id)}`;
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['workspaces'] });
  const changeRole = useMutation({
    mutationFn: (role: Role) => api.patch<Member>(path, { role }),
    onSettled: refresh,
  });
  const remove = useMutation({
    mutationFn: () => api.delete(path),
    onSuccess: async () => {
      if (!isSelf) return refresh();
      forgetWorkspaceId(workspaceId);
      await refresh();
      await navigate({ to: '/' });
    },
  });
  return { changeRole, remove };
}
