import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { competitorSchema, type WireCompetitorList } from '@plume/contract/competitors/competitor-schemas';
import { Button } from '../../components/button.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { api } from '../../lib/api.ts';
import { fieldErrorsOf, type FieldErrors } from '../../lib/field-errors.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';
import { competitorsQueryOptions } from './competitors-query.ts';

type Network = WireCompetitorList['networks'][number];

/** Follow a competitor: network and the account's name, with the network's own example as hint. */
export function AddCompetitorForm({ workspaceId, networks }: { workspaceId: string; networks: readonly Network[] }) {
  const queryClient = useQueryClient();
  const [network, setNetwork] = useState(networks[0]?.id ?? '');
  const [handle, setHandle] = useState('');
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const add = useMutation({
    mutationFn: (body: { network: string; handle: string }) =>
      api.post(`${workspacePath(workspaceId)}/competitors`, body, competitorSchema),
    onSuccess: async () => {
      setHandle('');
      await queryClient.invalidateQueries({ queryKey: competitorsQueryOptions(workspaceId).queryKey });
    },
  });
  const errors = { ...fieldErrorsOf(add.error), ...clientErrors };
  const hint = networks.find((item) => item.id === network)?.handleHint;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found: FieldErrors = handle.trim() === '' ? { handle: 'Enter the account’s name or profile link.' } : {};
    setClientErrors(found);
    if (Object.keys(found).length === 0) add.mutate({ network, handle: handle.trim() });
  }

  return (
    <form noValidate onSubmit={handleSubmit} className="space-y-4" aria-label="Follow a competitor">
      <FormAlert error={add.error} />
      <div className="grid gap-4 sm:grid-cols-[12rem_1fr_auto] sm:items-start">
        <SelectField
          label="Network"
          name="network"
          value={network}
          options={networks.map((item) => ({ value: item.id, label: item.name }))}
          onChange={(event) => setNetwork(event.target.value)}
          error={errors.network}
        />
        <TextField
          label="Account"
          name="handle"
          value={handle}
          autoComplete="off"
          hint={hint ? `For example ${hint}, or the profile link.` : undefined}
          onChange={(event) => setHandle(event.target.value)}
          error={errors.handle}
        />
        <Button type="submit" isPending={add.isPending} pendingLabel="Adding…" className="sm:mt-6">
          Follow
        </Button>
      </div>
    </form>
  );
}
