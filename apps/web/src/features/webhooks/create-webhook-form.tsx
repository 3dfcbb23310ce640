import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { SUBSCRIBABLE_EVENT_TYPES, type WebhookEventType } from '@plume/contract/webhooks/webhook-events';
import { createdWebhookSchema, type CreateWebhookBody } from '@plume/contract/webhooks/webhook-schemas';
import { Button } from '../../components/button.tsx';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { TextField } from '../../components/text-field.tsx';
import { api } from '../../lib/api.ts';
import { fieldErrorsOf, type FieldErrors } from '../../lib/field-errors.ts';
import { eventLabel } from './event-labels.ts';
import { WebhookSecretPanel } from './webhook-secret-panel.tsx';
import { webhooksPath, webhooksQueryOptions } from './webhooks-query.ts';

function validate(url: string, events: WebhookEventType[]): FieldErrors {
  const errors: FieldErrors = {};
  if (!/^https?:\/\/\S+$/.test(url.trim()))
    errors.url = 'Enter the address that receives the events, starting with https://';
  if (events.length === 0) errors.eventTypes = 'Choose at least one event.';
  return errors;
}

/** Adds an endpoint and reveals its signing secret once. */
export function CreateWebhookForm({ workspaceId }: { workspaceId: string }) {
  const queryClient = useQueryClient();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<WebhookEventType[]>(['post.published', 'post.failed']);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const create = useMutation({
    mutationFn: (body: CreateWebhookBody) => api.post(webhooksPath(workspaceId), body, createdWebhookSchema),
    onSuccess: async () => {
      setUrl('');
      setDescription('');
      await queryClient.invalidateQueries({ queryKey: webhooksQueryOptions(workspaceId).queryKey });
    },
  });
  const errors = { ...fieldErrorsOf(create.error), ...clientErrors };
  const toggle = (type: WebhookEventType, on: boolean) =>
    setEvents((current) => (on ? [...current, type] : current.filter((item) => item !== type)));

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const found = validate(url, events);
    setClientErrors(found);
    if (Object.keys(found).length > 0) return;
    create.mutate({ url: url.trim(), description: description.trim(), eventTypes: events });
  }

  if (create.isSuccess)
    return (
      <WebhookSecretPanel
        title={`Endpoint ${create.data.url} added`}
        secret={create.data.secret}
        onDone={() => create.reset()}
      />
    );
  return (
    <form noValidate onSubmit={handleSubmit} className="space-y-4">
      <FormAlert error={create.error} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Endpoint URL"
          name="url"
          required
          value={url}
          autoComplete="off"
          hint="Plume POSTs signed JSON here. Public addresses only."
          onChange={(e) => setUrl(e.target.value)}
          error={errors.url}
        />
        <TextField
          label="Description"
          name="description"
          value={description}
          autoComplete="off"
          hint="Optional, e.g. “CRM sync”."
          onChange={(e) => setDescription(e.target.value)}
          error={errors.description}
        />
      </div>
      <fieldset className="space-y-2">
        <legend className="mb-1 text-sm font-medium text-ink">Events</legend>
        {SUBSCRIBABLE_EVENT_TYPES.map((type) => (
          <CheckboxField
            key={type}
            label={type}
            description={eventLabel(type)}
            checked={events.includes(type)}
            onChange={(e) => toggle(type, e.target.checked)}
          />
        ))}
        {errors.eventTypes ? <p className="text-sm text-danger">{errors.eventTypes}</p> : null}
      </fieldset>
      <Button type="submit" isPending={create.isPending} pendingLabel="Adding…">
        Add endpoint
      </Button>
    </form>
  );
}
