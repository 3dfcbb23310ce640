import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type ApiKeyScope, type CreateApiKeyBody, createdApiKeySchema } from '@plume/contract/api-keys/api-key-schemas';
import { Button } from '../../components/button.tsx';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { TextField } from '../../components/text-field.tsx';
import { api } from '../../lib/api.ts';
import { fieldErrorsOf, type FieldErrors } from '../../lib/field-errors.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';
import { apiKeysQueryOptions } from './api-keys-query.ts';
import { NewApiKeyPanel } from './new-api-key-panel.tsx';

function validate(name: string, scopes: ApiKeyScope[], expiry: string): FieldErrors {
  const errors: FieldErrors = {};
  if (name.trim() === '') errors.name = 'Give the key a name, such as the tool that will use it.';
  if (scopes.length === 0) errors.scopes = 'Choose at least one scope.';
  if (expiry !== '' && !(Number.isInteger(Number(expiry)) && Number(expiry) > 0)) {
    errors.expiresInDays = 'Enter a whole number of days, or leave it empty for a key that never expires.';
  }
  return errors;
}

/** Creates an API key and reveals its secret once. */
export function CreateApiKeyForm({ workspaceId }: { workspaceId: string }) {
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [canRead, setCanRead] = useState(true);
  const [canWrite, setCanWrite] = useState(false);
  const [expiry, setExpiry] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const create = useMutation({
    mutationFn: (body: CreateApiKeyBody) =>
      api.post(`${workspacePath(workspaceId)}/api-keys`, body, createdApiKeySchema),
    onSuccess: async () => {
      setName('');
      setExpiry('');
      await queryClient.invalidateQueries({ queryKey: apiKeysQueryOptions(workspaceId).queryKey });
    },
  });
  const errors = { ...fieldErrorsOf(create.error), ...clientErrors };

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const scopes: ApiKeyScope[] = [...(canRead ? ['read' as const] : []), ...(canWrite ? ['write' as const] : [])];
    const found = validate(name, scopes, expiry);
    setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    create.mutate({ name: name.trim(), scopes, ...(expiry ? { expiresInDays: Number(expiry) } : {}) });
  }

  if (create.isSuccess) return <NewApiKeyPanel apiKey={create.data} onDone={() => create.reset()} />;
  return (
    <form noValidate onSubmit={handleSubmit} className="space-y-4">
      <FormAlert error={create.error} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Name"
          name="name"
          required
          value={name}
          autoComplete="off"
          hint="What will use this key, e.g. “Zapier” or “Nightly export”."
          onChange={(e) => setName(e.target.value)}
          error={errors.name}
        />
        <TextField
          label="Expires in (days)"
          name="expiresInDays"
          type="number"
          inputMode="numeric"
          min={1}
          value={expiry}
          hint="Optional. Leave empty for a key that never expires."
          onChange={(e) => setExpiry(e.target.value)}
          error={errors.expiresInDays}
        />
      </div>
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium text-ink">Scopes</legend>
        <CheckboxField
          label="Read"
          description="List and read the workspace’s data."
          checked={canRead}
          onChange={(e) => setCanRead(e.target.checked)}
        />
        <CheckboxField
          label="Write"
          description="Create, change and delete content."
          checked={canWrite}
          onChange={(e) => setCanWrite(e.target.checked)}
        />
        {errors.scopes ? <p className="text-sm text-danger">{errors.scopes}</p> : null}
      </fieldset>
      <Button type="submit" isPending={create.isPending} pendingLabel="Creating…">
        Create API key
      </Button>
    </form>
  );
}
