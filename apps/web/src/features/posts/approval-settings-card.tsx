import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { approvalSettingsSchema, type ApprovalSettings } from '@plume/contract/posts/post-schemas';
import type { ApprovalMode } from '@plume/contract/posts/post-states';
import { Button } from '../../components/button.tsx';
import { Card } from '../../components/card.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { RadioCard } from '../../components/radio-card.tsx';
import { api } from '../../lib/api.ts';
import { fieldErrorsOf } from '../../lib/field-errors.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';
import { ApproverPicker } from './approver-picker.tsx';

const modes: { value: ApprovalMode; label: string; description: string }[] = [
  { value: 'none', label: 'No approval', description: 'Submitting a post schedules it at once.' },
  {
    value: 'any_admin',
    label: 'An admin approves',
    description: 'Submitted posts wait in Review until an admin or owner approves them.',
  },
  {
    value: 'specific',
    label: 'Named members approve',
    description: 'Submitted posts wait in Review until one of the members you choose approves them.',
  },
];

/** Who must approve posts before they are scheduled: nobody, any admin, or members chosen by name. */
export function ApprovalSettingsCard({ workspaceId, isEditable }: { workspaceId: string; isEditable: boolean }) {
  const queryClient = useQueryClient();
  const path = `${workspacePath(workspaceId)}/publishing-settings`;
  const settings = useQuery({
    queryKey: ['workspaces', workspaceId, 'publishing-settings'],
    queryFn: () => api.get(path, approvalSettingsSchema),
  });
  const [mode, setMode] = useState<ApprovalMode>();
  // Unsaved picks; undefined means "the saved approvers".
  const [approverIds, setApproverIds] = useState<string[]>();
  const [pickError, setPickError] = useState<string>();
  const save = useMutation({
    mutationFn: (body: ApprovalSettings) => api.put(path, body, approvalSettingsSchema),
    onSuccess: (saved) => {
      queryClient.setQueryData(['workspaces', workspaceId, 'publishing-settings'], saved);
      setApproverIds(undefined);
    },
  });
  const current = mode ?? settings.data?.approvalMode ?? 'none';
  const chosen = approverIds ?? settings.data?.approverIds ?? [];

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Said here rather than after a round trip; the server checks the same and that each is a member.
    if (current === 'specific' && chosen.length === 0) {
      setPickError('Choose at least one approver.');
      return;
    }
    setPickError(undefined);
    save.mutate({ approvalMode: current, approverIds: current === 'specific' ? chosen : [] });
  }

  return (
    <Card title="Approval" description="Whether posts need an approval before they are published.">
      {settings.isPending ? <LoadingState label="Loading approval settings…" /> : null}
      {settings.isError ? <ErrorState error={settings.error} onRetry={() => void settings.refetch()} /> : null}
      {settings.isSuccess ? (
        <form noValidate onSubmit={handleSubmit} className="space-y-3">
          <FormAlert error={save.error} />
          <fieldset className="space-y-2" disabled={!isEditable}>
            <legend className="sr-only">Approval</legend>
            {modes.map((option) => (
              <RadioCard
                key={option.value}
                name="approvalMode"
                value={option.value}
                label={option.label}
                description={option.description}
                checked={current === option.value}
                onChange={() => setMode(option.value)}
              />
            ))}
          </fieldset>
          {current === 'specific' ? (
            <ApproverPicker
              workspaceId={workspaceId}
              chosen={chosen}
              disabled={!isEditable}
              onChange={(ids) => {
                setApproverIds(ids);
                setPickError(undefined);
              }}
              error={pickError ?? fieldErrorsOf(save.error).approverIds}
            />
          ) : null}
          {isEditable ? (
            <div className="flex items-center gap-3">
              <Button type="submit" isPending={save.isPending} pendingLabel="Saving…">
                Save approval
              </Button>
              {save.isSuccess && !save.isPending ? (
                <span role="status" className="text-sm text-success">
                  Saved.
                </span>
              ) : null}
            </div>
          ) : (
            <p className="text-sm text-muted">Only admins and owners change this.</p>
          )}
        </form>
      ) : null}
    </Card>
  );
}
