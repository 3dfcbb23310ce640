import { useMemo, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button } from '../../components/button.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { StatusMessage } from '../../components/status-message.tsx';
import { TextField } from '../../components/text-field.tsx';
import { api } from '../../lib/api.ts';
import { fieldErrorsOf } from '../../lib/field-errors.ts';
import { timezoneOptions } from './timezones.ts';
import { workspacePath } from './workspace-queries.ts';
import type { Workspace } from './workspace-types.ts';

type WorkspacePatch = Pick<Workspace, 'name' | 'timezone' | 'locale'>;

/** Edits a workspace's name, timezone and locale (admins). */
export function WorkspaceSettingsForm({ workspace, isEditable }: { workspace: Workspace; isEditable: boolean }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState(workspace.name);
  const [timezone, setTimezone] = useState(workspace.timezone);
  const [locale, setLocale] = useState(workspace.locale);
  const [nameError, setNameError] = useState<string>();
  const zoneOptions = useMemo(() => timezoneOptions(timezone), [timezone]);
  const save = useMutation({
    mutationFn: (body: WorkspacePatch) => api.patch<Workspace>(workspacePath(workspace.id), body),
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
      <FormAlert error={save.error} />
      <fieldset disabled={!isEditable} className="space-y-4">
        <TextField label="Workspace name" name="name" required value={name}
          onChange={(e) => setName(e.target.value)} error={nameError ?? errors.name} />
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField label="Timezone" name="timezone" value={timezone} options={zoneOptions}
            onChange={(e) => setTimezone(e.target.value)} error={errors.timezone} />
          <TextField label="Locale" name="locale" value={locale} hint="A language tag such as en-US or fr-FR."
            onChange={(e) => setLocale(e.target.value)} error={errors.locale} />
        </div>
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
