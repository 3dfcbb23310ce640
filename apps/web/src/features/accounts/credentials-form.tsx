import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { accountSchema } from '@plume/contract/accounts/account-schemas';
import type { Network } from '@plume/contract/networks/network-schemas';
import { Button } from '../../components/button.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { TextField } from '../../components/text-field.tsx';
import { api } from '../../lib/api.ts';
import { fieldErrorsOf } from '../../lib/field-errors.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';
import { accountsQueryOptions } from './accounts-query.ts';

function humanize(key: string): string {
  const spaced = key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/_/g, ' ');
  return spaced.charAt(0).toUpperCase() + spaced.slice(1).toLowerCase();
}

function isSecret(key: string): boolean {
  return /password|token|secret|key/i.test(key);
}

/** Connects an account with credentials, rendering one field per property of `credentialFields`. */
export function CredentialsForm({
  workspaceId,
  network,
  onDone,
}: {
  workspaceId: string;
  network: Network;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const properties = Object.entries(network.credentialFields?.properties ?? {});
  const required = new Set(network.credentialFields?.required ?? []);
  const [values, setValues] = useState<Record<string, string>>({});
  const connect = useMutation({
    mutationFn: (credentials: Record<string, string>) =>
      api.post(
        `${workspacePath(workspaceId)}/accounts/credentials`,
        { network: network.id, credentials },
        accountSchema,
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: accountsQueryOptions(workspaceId).queryKey });
      onDone();
    },
  });
  const errors = fieldErrorsOf(connect.error);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const credentials = Object.fromEntries(Object.entries(values).filter(([, value]) => value.trim() !== ''));
    connect.mutate(credentials);
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="space-y-3" aria-label={`Connect ${network.name}`}>
      <FormAlert
        error={connect.error}
        labels={(path) => {
          const field = properties.find(([key]) => path === `credentials/${key}`);
          return field ? (field[1].title ?? humanize(field[0])) : undefined;
        }}
      />
      {properties.map(([key, schema]) => (
        <TextField
          key={key}
          label={schema.title ?? humanize(key)}
          name={key}
          required={required.has(key)}
          type={isSecret(key) ? 'password' : schema.format === 'uri' ? 'url' : 'text'}
          autoComplete="off"
          hint={schema.description}
          value={values[key] ?? ''}
          error={errors[key]}
          onChange={(e) => setValues((current) => ({ ...current, [key]: e.target.value }))}
        />
      ))}
      <div className="flex gap-2">
        <Button type="submit" isPending={connect.isPending} pendingLabel="Connecting…">
          Connect {network.name}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
