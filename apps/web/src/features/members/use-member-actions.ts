import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { WorkspaceRole } from '@plume/contract/workspaces/workspace-enums';
import { type Member, memberSchema } from '@plume/contract/workspaces/workspace-schemas';
import { api } from '../../lib/api.ts';
import { forgetWorkspaceId } from '../workspaces/last-workspace.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';

/** WorkspaceRole change and removal for one member; removing yourself leaves the workspace. */
export function useMemberActions(workspaceId: string, member: Member, isSelf: boolean) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const path = `${workspacePath(workspaceId)}/members/${encodeURIComponent(member.id)}`;
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['workspaces'] });
  const changeRole = useMutation({
    mutationFn: (role: WorkspaceRole) => api.patch(path, { role }, memberSchema),
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
