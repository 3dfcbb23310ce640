import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { Workspace } from '@plume/contract/workspaces/workspace-schemas';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { TextField } from '../../components/text-field.tsx';
import { api } from '../../lib/api.ts';
import { forgetWorkspaceId } from './last-workspace.ts';
import { workspacePath } from './workspace-queries.ts';

/** Deletes the workspace for good once its owner types its name. */
export function DeleteWorkspaceCard({ workspace }: { workspace: Workspace }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [confirmation, setConfirmation] = useState('');
  const remove = useMutation({
    mutationFn: () => api.delete(workspacePath(workspace.id)),
    onSuccess: async () => {
      forgetWorkspaceId(workspace.id);
      queryClient.removeQueries({ queryKey: ['workspaces', workspace.id] });
      await queryClient.invalidateQueries({ queryKey: ['workspaces'] });
      await navigate({ to: '/' });
    },
  });
  const isConfirmed = confirmation === workspace.name;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isConfirmed) remove.mutate();
  }

  return (
    <Card
      title="Delete workspace"
      tone="danger"
      description="Deletes this workspace with its members, API keys and content. This cannot be undone."
    >
      <form noValidate onSubmit={handleSubmit} className="space-y-4">
        <FormAlert error={remove.error} />
        <TextField
          label={`Type “${workspace.name}” to confirm`}
          name="confirmation"
          autoComplete="off"
          value={confirmation}
          onChange={(e) => setConfirmation(e.target.value)}
        />
        <Button
          type="submit"
          variant="danger"
          disabled={!isConfirmed}
          isPending={remove.isPending}
          pendingLabel="Deleting…"
        >
          Delete workspace
        </Button>
      </form>
    </Card>
  );
}
