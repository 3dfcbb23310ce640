import type { Workspace } from '@plume/contract/workspaces/workspace-schemas';
import { useNavigate } from '@tanstack/react-router';

interface WorkspaceSwitcherProps {
  workspaces: Workspace[];
  currentId: string | undefined;
}

const newWorkspaceValue = '__new__';

/** A native select of the caller's workspaces; choosing one opens its dashboard. */
export function WorkspaceSwitcher({ workspaces, currentId }: WorkspaceSwitcherProps) {
  const navigate = useNavigate();
  function handleChange(value: string) {
    if (value === newWorkspaceValue) void navigate({ to: '/workspaces/new' });
    else if (value) void navigate({ to: '/w/$workspaceId', params: { workspaceId: value } });
  }
  return (
    <div className="min-w-0 flex-1 md:flex-none">
      <label htmlFor="workspace-switcher" className="sr-only">
        Workspace
      </label>
      <select
        id="workspace-switcher"
        value={currentId ?? ''}
        onChange={(e) => handleChange(e.target.value)}
        className="w-full max-w-[14rem] truncate rounded-md border border-line-strong bg-surface py-1.5 pr-8 pl-2.5 text-sm font-medium text-ink"
      >
        {currentId ? null : <option value="">Choose a workspace</option>}
        {workspaces.map((workspace) => (
          <option key={workspace.id} value={workspace.id}>
            {workspace.name}
          </option>
        ))}
        <option value={newWorkspaceValue}>+ New workspace…</option>
      </select>
    </div>
  );
}
