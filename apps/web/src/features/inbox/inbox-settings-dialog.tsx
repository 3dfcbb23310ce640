import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { WorkspaceRole } from '@plume/contract/workspaces/workspace-enums';
import { inboxSettingsSchema, type inboxSettingsBody } from '@plume/contract/inbox/reply-schemas';
import type { Wire } from '@plume/contract/wire';
import { Button } from '../../components/button.tsx';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { StatusMessage } from '../../components/status-message.tsx';
import { TextField } from '../../components/text-field.tsx';
import { api } from '../../lib/api.ts';
import { fieldErrorsOf } from '../../lib/field-errors.ts';
import { canManage } from '../workspaces/roles.ts';
import { InboxDialog } from './inbox-dialog.tsx';
import { inboxPath, inboxSettingsQueryOptions } from './inbox-queries.ts';

type Settings = Wire<typeof inboxSettingsSchema>;

/** The inbox's AI and automation settings. Admins change them; letting rules send replies is the owner's call. */
export function InboxSettingsDialog({
  workspaceId,
  role,
  onClose,
}: {
  workspaceId: string;
  role: WorkspaceRole;
  onClose: () => void;
}) {
  const settings = useQuery(inboxSettingsQueryOptions(workspaceId));
  return (
    <InboxDialog
      wide
      title="Inbox settings"
      description="What the AI does with new comments and messages, and what automation may do on its own."
      onClose={onClose}
    >
      {settings.isPending ? <LoadingState label="Loading settings…" /> : null}
      {settings.isError ? <ErrorState error={settings.error} onRetry={() => void settings.refetch()} /> : null}
      {settings.isSuccess ? (
        <SettingsForm workspaceId={workspaceId} role={role} initial={settings.data} onClose={onClose} />
      ) : null}
    </InboxDialog>
  );
}

function SettingsForm({
  workspaceId,
  role,
  initial,
  onClose,
}: {
  workspaceId: string;
  role: WorkspaceRole;
  initial: Settings;
  onClose: () => void;
}) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState(initial);
  const isAdmin = canManage(role);
  const isOwner = role === 'owner';
  const save = useMutation({
    mutationFn: (body: Wire<typeof inboxSettingsBody>) =>
      api.patch(inboxPath(workspaceId, '/settings'), body, inboxSettingsSchema),
    onSuccess: (saved) => queryClient.setQueryData(inboxSettingsQueryOptions(workspaceId).queryKey, saved),
  });
  const set = (change: Partial<Settings>) => setValues({ ...values, ...change });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { disclosedAutomation, ...rest } = values;
    save.mutate({ ...rest, disclosure: values.disclosure.trim(), ...(isOwner ? { disclosedAutomation } : {}) });
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="space-y-4">
      {!isAdmin ? <p className="text-sm text-muted">Only admins and owners change these settings.</p> : null}
      <fieldset disabled={!isAdmin} className="space-y-3">
        <CheckboxField
          label="Classify new items"
          description="The AI reads each new comment or message and notes its sentiment, intent (question, complaint, lead, spam…), priority and language, for the filters and rules."
          checked={values.classify}
          onChange={(e) => set({ classify: e.target.checked })}
        />
        <CheckboxField
          label="Draft replies"
          description="For new questions, complaints and leads, the AI writes a draft in your voice. A person reads and approves it; nothing is sent by this alone."
          checked={values.draftReplies}
          onChange={(e) => set({ draftReplies: e.target.checked })}
        />
        <CheckboxField
          label="Hide spam"
          description="Items classified as spam are hidden on the network where it allows hiding. You can see them here and unhide them on the network."
          checked={values.autoHideSpam}
          onChange={(e) => set({ autoHideSpam: e.target.checked })}
        />
        <div className="rounded-md border border-warning/40 bg-warning-soft p-3">
          <CheckboxField
            label="Let automation rules send replies (owner only)"
            description="Automation rules may then send replies without a person approving each one. Every such reply ends with the disclosure below, so people know an assistant answered. Off, rules can only draft."
            checked={values.disclosedAutomation}
            disabled={!isOwner}
            onChange={(e) => set({ disclosedAutomation: e.target.checked })}
          />
          {!isOwner ? (
            <p className="mt-2 text-xs text-muted">Only the workspace owner can turn this on or off.</p>
          ) : null}
        </div>
        <TextField
          label="Disclosure"
          value={values.disclosure}
          maxLength={120}
          hint="Added to every reply an automation sends, e.g. “— sent by our assistant”."
          onChange={(e) => set({ disclosure: e.target.value })}
          error={
            fieldErrorsOf(save.error).disclosure ??
            (values.disclosure.trim() === '' ? 'Write the disclosure' : undefined)
          }
        />
      </fieldset>
      {save.error && !fieldErrorsOf(save.error).disclosure ? <FormAlert error={save.error} /> : null}
      <StatusMessage>{save.isSuccess && !save.isPending ? 'Saved.' : ''}</StatusMessage>
      <div className="flex gap-2">
        {isAdmin ? (
          <Button
            type="submit"
            isPending={save.isPending}
            pendingLabel="Saving…"
            disabled={values.disclosure.trim() === ''}
          >
            Save settings
          </Button>
        ) : null}
        <Button variant="secondary" onClick={onClose}>
          Close
        </Button>
      </div>
    </form>
  );
}
