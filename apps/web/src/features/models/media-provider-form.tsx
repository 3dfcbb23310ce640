import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { WORKSPACE_MEDIA_KINDS, type SaveMediaProviderBody } from '@plume/contract/media/media-provider-schemas';
import { Button } from '../../components/button.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { api } from '../../lib/api.ts';
import { fieldErrorsOf } from '../../lib/field-errors.ts';
import { mediaKindName } from './media-kind-name.ts';
import { mediaModelsKey, mediaPath } from './media-queries.ts';

type Kind = SaveMediaProviderBody['kind'];
const kindOptions = WORKSPACE_MEDIA_KINDS.map((kind) => ({ value: kind, label: mediaKindName(kind) }));
const isKind = (value: string): value is Kind => (WORKSPACE_MEDIA_KINDS as readonly string[]).includes(value);
const LOCAL_SERVERS: readonly Kind[] = ['automatic1111', 'comfyui', 'openai_compatible'];

/** Adds one of the workspace's own media providers; the key is write-only. */
export function MediaProviderForm({ workspaceId, onDone }: { workspaceId: string; onDone: () => void }) {
  const queryClient = useQueryClient();
  const [providerId, setProviderId] = useState('');
  const [kind, setKind] = useState<Kind>('automatic1111');
  const [baseUrl, setBaseUrl] = useState('');
  const [apiKey, setApiKey] = useState('');
  const save = useMutation({
    mutationFn: ({ id, body }: { id: string; body: SaveMediaProviderBody }) =>
      api.put(`${mediaPath(workspaceId)}/providers/${encodeURIComponent(id)}`, body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: mediaModelsKey(workspaceId) });
      onDone();
    },
  });
  const errors = fieldErrorsOf(save.error);
  const isLocal = LOCAL_SERVERS.includes(kind);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const id = providerId.trim() || kind.replaceAll('_', '-');
    const body: SaveMediaProviderBody = { kind, baseUrl: baseUrl.trim() === '' ? null : baseUrl.trim() };
    if (apiKey !== '') body.apiKey = apiKey;
    save.mutate({ id, body });
  }

  return (
    <form
      noValidate
      onSubmit={handleSubmit}
      className="space-y-3 rounded-md border border-line p-4"
      aria-label="Add a media provider"
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
        autoComplete="off"
        placeholder={kind.replaceAll('_', '-')}
        error={errors.providerId}
        hint="What the image, video and speech routing call it. Lowercase letters, digits, - and _."
        onChange={(e) => setProviderId(e.target.value)}
      />
      <TextField
        label="Base URL"
        name="baseUrl"
        type="url"
        value={baseUrl}
        autoComplete="off"
        required={isLocal}
        error={errors.baseUrl}
        hint={
          isLocal
            ? 'Required: the server’s address, e.g. http://gpu-box:7860 (AUTOMATIC1111) or http://gpu-box:8080/v1.'
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
        hint={isLocal ? 'Only if the server asks for one.' : 'Stored encrypted and never shown again.'}
        onChange={(e) => setApiKey(e.target.value)}
      />
      <div className="flex gap-2">
        <Button type="submit" isPending={save.isPending} pendingLabel="Saving…">
          Add media provider
        </Button>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
