import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { WorkspaceKind } from '@plume/contract/workspaces/workspace-enums';
import { workspaceSchema, type CreateWorkspaceBody } from '@plume/contract/workspaces/workspace-schemas';
import { Button } from '../../components/button.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { RadioCard } from '../../components/radio-card.tsx';
import { TextField } from '../../components/text-field.tsx';
import { api } from '../../lib/api.ts';
import { fieldErrorsOf } from '../../lib/field-errors.ts';
import { rememberWorkspaceId } from './last-workspace.ts';
import { browserLocale, browserTimezone } from './timezones.ts';
import { workspacesQueryOptions } from './workspace-queries.ts';
import { TimezoneLocaleFields } from './timezone-locale-fields.tsx';

const kinds: { value: WorkspaceKind; label: string; description: string }[] = [
  { value: 'brand', label: 'Brand', description: 'A business, product or organisation speaking in its own voice.' },
  { value: 'character', label: 'Character', description: 'A persona with its own personality, look and audience.' },
];

/** Creates a workspace (the caller becomes its owner) and opens its setup wizard (which can be skipped). */
export function CreateWorkspaceForm() {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<WorkspaceKind>('brand');
  const [timezone, setTimezone] = useState(browserTimezone);
  const [locale, setLocale] = useState(browserLocale);
  const [nameError, setNameError] = useState<string>();
  const create = useMutation({
    mutationFn: (body: CreateWorkspaceBody) => api.post('/workspaces', body, workspaceSchema),
    onSuccess: async (workspace) => {
      rememberWorkspaceId(workspace.id);
      await queryClient.invalidateQueries({ queryKey: workspacesQueryOptions.queryKey });
      await navigate({ to: '/w/$workspaceId/onboarding', params: { workspaceId: workspace.id } });
    },
  });
  const errors = fieldErrorsOf(create.error);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const missing = name.trim() === '' ? 'Give the workspace a name.' : undefined;
    setNameError(missing);
    if (!missing) create.mutate({ name: name.trim(), kind, timezone, locale: locale.trim() });
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="space-y-5">
      <FormAlert error={create.error} labels={{ name: 'Workspace name' }} />
      <TextField
        label="Workspace name"
        name="name"
        required
        value={name}
        autoComplete="organization"
        onChange={(e) => setName(e.target.value)}
        error={nameError ?? errors.name}
      />
      <fieldset>
        <legend className="mb-2 text-sm font-medium text-ink">Kind</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {kinds.map((option) => (
            <RadioCard
              key={option.value}
              name="kind"
              value={option.value}
              label={option.label}
              description={option.description}
              checked={kind === option.value}
              onChange={() => setKind(option.value)}
            />
          ))}
        </div>
        {errors.kind ? <p className="mt-1 text-sm text-danger">{errors.kind}</p> : null}
      </fieldset>
      <TimezoneLocaleFields
        timezone={timezone}
        locale={locale}
        onTimezoneChange={setTimezone}
        onLocaleChange={setLocale}
        errors={errors}
      />
      <Button type="submit" isPending={create.isPending} pendingLabel="Creating workspace…">
        Create workspace
      </Button>
    </form>
  );
}
