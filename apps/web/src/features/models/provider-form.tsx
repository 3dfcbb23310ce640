import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { PROVIDER_KINDS, type ProviderKind } from '@plume/contract/llm/llm-enums';
import type { ProviderStatus, SaveProviderBody } from '@plume/contract/llm/llm-provider-schemas';
import { Button } from '../../components/button.tsx';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { api } from '../../lib/api.ts';
import { fieldErrorsOf } from '../../lib/field-errors.ts';
import { providerKindName } from './format-llm.ts';
import { llmKey, llmPath } from './llm-queries.ts';

const kindOptions = PROVIDER_KINDS.filter((kind) => kind !== 'ollama').map((kind) => ({
  value: kind,
  label: kind === 'openai_compatible' ? 'OpenAI-compatible (vLLM, LM Studio, LocalAI)' : providerKindName(kind),
}));

function isKind(value: string): value is ProviderKind {
  return (PROVIDER_KINDS as readonly string[]).includes(value);
}

interface ProviderFormProps {
  workspaceId: string;
  /** The provider being edited; absent to add one. */
  editing?: ProviderStatus | undefined;
  onDone: () => void;
}

/** Adds or edits one of the workspace's own providers. The key is write-only: it is never shown back. */
export function ProviderForm({ workspaceId, editing, onDone }: ProviderFormProps) {
  const queryClient = useQueryClient();
  const [providerId, setProviderId] = useState(editing?.providerId ?? '');
  const [kind, setKind] = useState<ProviderKind>(editing?.kind ?? 'openai');
  const [baseUrl, setBaseUrl] = useState(editing?.baseUrl ?? '');
  const [apiKey, setApiKey] = useState('');
  const [enabled, setEnabled] = useState(editing?.enabled ?? true);
  const save = useMutation({
    mutationFn: ({ id, body }: { id: string; body: SaveProviderBody }) =>
      api.put(`${llmPath(workspaceId)}/providers/${encodeURIComponent(id)}`, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: llmKey(workspaceId) });
      onDone();
    },
  });
  const errors = fieldErrorsOf(save.error);
  const needsUrl = kind === 'openai_compatible';

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const id = providerId.trim() || kind.replaceAll('_', '-');
    const body: SaveProviderBody = { kind, enabled, baseUrl: baseUrl.trim() === '' ? null : baseUrl.trim() };
    // No key typed keeps the stored one; the API never sends it back to fill in.
    if (apiKey !== '') body.apiKey = apiKey;
    save.mutate({ id, body });
  }

  return (
    <form
      noValidate
      onSubmit={handleSubmit}
      className="space-y-3 rounded-md border border-line p-4"
      aria-label={editing ? `Edit ${editing.providerId}` : 'Add a provider'}
    >
      <FormAlert error={save.error} />
      <SelectField
        label="Kind"
        name="kind"
        options={kindOptions}
        value={kind}
        error={errors.kind}
        onChange={(e) => {
          if (isKind(e.target.value)) setKind(e.target.value);
        }}
      />
      <TextField
        label="Provider id"
        name="providerId"
        value={providerId}
        readOnly={editing !== undefined}
        autoComplete="off"
        placeholder={kind.replaceAll('_', '-')}
        error={errors.providerId}
        hint="What routing policies call it, e.g. openai or office-vllm. Lowercase letters, digits, - and _."
        onChange={(e) => setProviderId(e.target.value)}
      />
      <TextField
        label="Base URL"
        name="baseUrl"
        type="url"
        value={baseUrl}
        autoComplete="off"
        required={needsUrl}
        error={errors.baseUrl}
        hint={
          needsUrl
            ? 'Required: the server’s API address, e.g. http://gpu-box:8000/v1.'
            : 'Leave empty for the vendor’s default.'
        }
        onChange={(e) => setBaseUrl(e.target.value)}
      />
      <TextField
        label="API key"
        name="apiKey"
        type="password"
        value={apiKey}
        autoComplete="new-password"
        error={errors.apiKey}
        hint={
          editing?.hasKey
            ? 'A key is set. Leave empty to keep it; type a new one to replace it.'
            : 'Stored encrypted and never shown again.'
        }
        onChange={(e) => setApiKey(e.target.value)}
      />
      <CheckboxField
        label="Enabled"
        description="Disabled providers are skipped by every policy."
        checked={enabled}
        onChange={(e) => setEnabled(e.target.checked)}
      />
      <div className="flex gap-2">
        <Button type="submit" isPending={save.isPending} pendingLabel="Saving…">
          {editing ? 'Save provider' : 'Add provider'}
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
