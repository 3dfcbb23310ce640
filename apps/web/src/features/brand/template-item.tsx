import { useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ContentTemplateView } from '@plume/contract/content/content-schemas';
import { Button } from '../../components/button.tsx';
import { buttonClasses } from '../../components/button-classes.ts';
import { StatusMessage } from '../../components/status-message.tsx';
import { api } from '../../lib/api.ts';
import { errorMessageOf } from '../../lib/field-errors.ts';
import { TemplateEditor } from './template-editor.tsx';
import { TemplatePlaceholders } from './template-placeholders.tsx';
import { templatesPath, templatesQueryOptions } from './template-queries.ts';

interface TemplateItemProps {
  workspaceId: string;
  template: ContentTemplateView;
  canEdit: boolean;
}

/** One content type: its skeleton and placeholders; admins edit it or go back to the built-in. */
export function TemplateItem({ workspaceId, template, canEdit }: TemplateItemProps) {
  const queryClient = useQueryClient();
  const editButton = useRef<HTMLButtonElement>(null);
  const [isEditing, setIsEditing] = useState(false);
  const [notice, setNotice] = useState<string | undefined>();
  const reset = useMutation({
    mutationFn: () => api.delete(`${templatesPath(workspaceId)}/${template.contentType}`),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: templatesQueryOptions(workspaceId).queryKey });
      setNotice('Back to the built-in template.');
      editButton.current?.focus();
    },
  });

  function handleDone(saved: boolean) {
    setIsEditing(false);
    setNotice(saved ? 'Template saved.' : undefined);
    // The editor unmounts; give focus back to the button that opened it.
    requestAnimationFrame(() => editButton.current?.focus());
  }

  return (
    <li aria-label={template.name} className="space-y-2 rounded-md border border-line p-3">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 className="text-sm font-semibold text-ink">
            {template.name}
            <span
              className={`ml-2 rounded-full px-2 py-0.5 text-xs font-medium ${template.isOverridden ? 'bg-accent/10 text-accent' : 'bg-subtle text-muted'}`}
            >
              {template.isOverridden ? 'Changed for this workspace' : 'Built-in'}
            </span>
          </h3>
          <p className="text-sm text-muted">{template.description}</p>
        </div>
        {canEdit && !isEditing ? (
          <div className="flex gap-2">
            <button
              ref={editButton}
              type="button"
              className={buttonClasses('secondary', 'px-2 py-1 text-xs')}
              onClick={() => {
                setNotice(undefined);
                setIsEditing(true);
              }}
            >
              Edit<span className="sr-only"> the {template.name} template</span>
            </button>
            {template.isOverridden ? (
              <Button
                variant="ghost"
                className="px-2 py-1 text-xs"
                isPending={reset.isPending}
                pendingLabel="Resetting…"
                onClick={() => reset.mutate()}
              >
                Reset to built-in<span className="sr-only"> for {template.name}</span>
              </Button>
            ) : null}
          </div>
        ) : null}
      </div>
      {isEditing ? (
        <TemplateEditor workspaceId={workspaceId} template={template} onDone={handleDone} />
      ) : (
        <>
          <pre
            className="overflow-x-auto rounded-md bg-subtle p-2 text-xs whitespace-pre-wrap text-ink"
            aria-label={`${template.name} prompt skeleton`}
          >
            {template.skeleton}
          </pre>
          <TemplatePlaceholders skeleton={template.skeleton} required={template.required} />
        </>
      )}
      {reset.error ? (
        <p role="alert" className="text-sm text-danger">
          {errorMessageOf(reset.error)}
        </p>
      ) : null}
      {notice ? <StatusMessage>{notice}</StatusMessage> : null}
    </li>
  );
}
