import { useEffect, useId, useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { TEMPLATE_PLACEHOLDERS } from '@plume/contract/content/content-enums';
import { templateSchema, type ContentTemplateView } from '@plume/contract/content/content-schemas';
import { Button } from '../../components/button.tsx';
import { CheckboxField } from '../../components/checkbox-field.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { TextField } from '../../components/text-field.tsx';
import { api } from '../../lib/api.ts';
import { fieldErrorsOf } from '../../lib/field-errors.ts';
import { templatesPath, templatesQueryOptions } from './template-queries.ts';
import { TemplatePlaceholders } from './template-placeholders.tsx';
import { TextAreaField } from './text-area-field.tsx';
import { toTemplateBody, type TemplateForm } from './template-text.ts';

interface TemplateEditorProps {
  workspaceId: string;
  template: ContentTemplateView;
  /** Closes the editor; `saved` is true after a successful save. */
  onDone: (saved: boolean) => void;
}

/** Edits one template for this workspace; the API's problems (an unknown `{{placeholder}}`…) show at their field. */
export function TemplateEditor({ workspaceId, template, onDone }: TemplateEditorProps) {
  const queryClient = useQueryClient();
  const skeletonId = useId();
  const [values, setValues] = useState<TemplateForm>({
    name: template.name,
    description: template.description,
    skeleton: template.skeleton,
    required: [...template.required],
  });
  const save = useMutation({
    mutationFn: (body: TemplateForm) =>
      api.put(`${templatesPath(workspaceId)}/${template.contentType}`, body, templateSchema),
    onSuccess: (saved) => {
      queryClient.setQueryData(
        templatesQueryOptions(workspaceId).queryKey,
        (current) =>
          current && { items: current.items.map((item) => (item.contentType === saved.contentType ? saved : item)) },
      );
      onDone(true);
    },
  });
  const errors = fieldErrorsOf(save.error);
  const set = <K extends keyof TemplateForm>(key: K, value: TemplateForm[K]) =>
    setValues((current) => ({ ...current, [key]: value }));

  useEffect(() => document.getElementById(skeletonId)?.focus(), [skeletonId]);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate(toTemplateBody(values));
  }

  return (
    <form
      noValidate
      onSubmit={handleSubmit}
      aria-label={`Edit the ${template.name} template`}
      className="space-y-3"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onDone(false);
      }}
    >
      <FormAlert error={save.error} labels={{ skeleton: 'Prompt skeleton', required: 'Required placeholders' }} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label="Name"
          name="name"
          value={values.name}
          error={errors.name}
          onChange={(e) => set('name', e.target.value)}
          autoComplete="off"
        />
        <TextField
          label="Description"
          name="description"
          value={values.description}
          error={errors.description}
          onChange={(e) => set('description', e.target.value)}
          autoComplete="off"
        />
      </div>
      <TextAreaField
        id={skeletonId}
        label="Prompt skeleton"
        name="skeleton"
        rows={6}
        value={values.skeleton}
        error={errors.skeleton}
        hint={`What the model is asked to write. Placeholders: ${TEMPLATE_PLACEHOLDERS.map((name) => `{{${name}}}`).join(' ')}. A line whose optional placeholder has no value is left out.`}
        onChange={(e) => set('skeleton', e.target.value)}
      />
      <TemplatePlaceholders skeleton={values.skeleton} required={values.required} />
      <fieldset
        className="rounded-md border border-line p-3"
        aria-describedby={errors.required ? `${skeletonId}-required-error` : undefined}
      >
        <legend className="px-1 text-sm font-semibold text-ink">Required placeholders</legend>
        <div className="grid gap-2 sm:grid-cols-3">
          {TEMPLATE_PLACEHOLDERS.map((name) => (
            <CheckboxField
              key={name}
              label={name}
              checked={values.required.includes(name)}
              onChange={(e) =>
                set(
                  'required',
                  e.target.checked ? [...values.required, name] : values.required.filter((other) => other !== name),
                )
              }
            />
          ))}
        </div>
        {errors.required ? (
          <p id={`${skeletonId}-required-error`} className="mt-2 text-sm text-danger">
            {errors.required}
          </p>
        ) : null}
      </fieldset>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" isPending={save.isPending} pendingLabel="Saving…">
          Save template
        </Button>
        <Button variant="ghost" onClick={() => onDone(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
