import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  workspaceSchema,
  type UpdateWorkspaceBody,
  type Workspace,
} from '@plume/contract/workspaces/workspace-schemas';
import { Button } from '../../components/button.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { StatusMessage } from '../../components/status-message.tsx';
import { TextField } from '../../components/text-field.tsx';
import { api } from '../../lib/api.ts';
import { fieldErrorsOf } from '../../lib/field-errors.ts';
import { workspacePath } from './workspace-queries.ts';
import { TimezoneLocaleFields } from './timezone-locale-fields.tsx';

/** Edits a workspace's name, timezone and locale (admins). */
export function WorkspaceSettingsForm({ workspace, isEditable }: { workspace: Workspace; isEditable: boolean }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(workspace.name);
  const [timezone, setTimezone] = useState(workspace.timezone);
  const [locale, setLocale] = useState(workspace.locale);
  const [nameError, setNameError] = useState<string>();
  const save = useMutation({
    mutationFn: (body: UpdateWorkspaceBody) => api.patch(workspacePath(workspace.id), body, workspaceSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['workspaces'] }),
  });
  const errors = fieldErrorsOf(save.error);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing = name.trim() === '' ? 'The workspace needs a name.' : undefined;
    setNameError(missing);
    if (!missing) save.mutate({ name: name.trim(), timezone, locale: locale.trim() });
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="space-y-4">
      <FormAlert error={save.error} labels={{ name: 'Workspace name' }} />
      <fieldset disabled={!isEditable} className="space-y-4">
        <TextField
          label="Workspace name"
          name="name"
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={nameError ?? errors.name}
        />
        <TimezoneLocaleFields
          timezone={timezone}
          locale={locale}
          onTimezoneChange={setTimezone}
          onLocaleChange={setLocale}
          errors={errors}
        />
      </fieldset>
      {isEditable ? (
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" isPending={save.isPending} pendingLabel="Saving…">
            Save changes
          </Button>
          {save.isSuccess ? <StatusMessage>Saved.</StatusMessage> : null}
        </div>
      ) : (
        <p className="text-sm text-muted">Only admins and owners can change these settings.</p>
      )}
    </form>
  );
}
