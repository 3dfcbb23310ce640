import { Link } from '@tanstack/react-router';
import { Button } from '../../../components/button.tsx';
import { buttonClasses } from '../../../components/button-classes.ts';
import { StatusMessage } from '../../../components/status-message.tsx';
import { TextField } from '../../../components/text-field.tsx';
import { errorMessageOf, namedProblemsOf } from '../../../lib/field-errors.ts';
import type { DesignEditor } from './use-design-editor.ts';
import type { useDesignActions } from './use-design-actions.ts';

interface DesignActionsProps {
  workspaceId: string;
  editor: DesignEditor;
  actions: ReturnType<typeof useDesignActions>;
  /** Problems by form path, for the name. */
  problems: Record<string, string>;
  canEdit: boolean;
  /** Required fields still empty: nothing can be saved or rendered yet. */
  missing: readonly string[];
}

/** Name and save the design, render it into the media library, and take the images to the composer. */
export function DesignActions({ workspaceId, editor, actions, problems, canEdit, missing }: DesignActionsProps) {
  const { save, render } = actions;
  const busy = save.isPending || render.isPending;
  const slideCount = (() => {
    const slides = editor.fields['slides'];
    return Array.isArray(slides) ? slides.length : 1;
  })();
  const failure = render.error ?? save.error;
  // Field problems show at their fields; anything else is said here.
  const otherFailure = failure && namedProblemsOf(failure).length === 0 ? errorMessageOf(failure) : undefined;
  if (!canEdit) return <p className="text-sm text-muted">Editors preview, save and render designs.</p>;
  return (
    <div className="space-y-3">
      <TextField
        label="Design name"
        value={editor.state.name}
        placeholder={editor.template?.name}
        maxLength={120}
        autoComplete="off"
        hint={
          editor.state.designId ? 'Saving changes this saved design.' : 'Saving keeps a new design in the list below.'
        }
        error={problems['name']}
        onChange={(e) => editor.setName(e.target.value)}
      />
      <div className="flex flex-wrap items-center gap-2">
        <Button
          variant="secondary"
          disabled={busy || missing.length > 0}
          isPending={save.isPending}
          pendingLabel="Saving…"
          onClick={() => save.mutate()}
        >
          {editor.state.designId ? 'Save changes' : 'Save design'}
        </Button>
        <Button
          disabled={busy || missing.length > 0}
          isPending={render.isPending}
          pendingLabel="Rendering…"
          onClick={() => render.mutate()}
        >
          Render to the vault
        </Button>
        {editor.state.designId ? (
          <Button variant="ghost" disabled={busy} onClick={editor.startNew}>
            Save as a new design
          </Button>
        ) : null}
      </div>
      {save.isSuccess && !busy && !render.data ? <StatusMessage>Design saved.</StatusMessage> : null}
      {render.isPending ? (
        <div role="status" className="space-y-1">
          <p className="text-sm text-muted">
            Rendering {slideCount === 1 ? 'the image' : `${slideCount} images`} at full size into the media vault…
          </p>
          <progress aria-label="Rendering" className="h-2 w-full max-w-sm accent-accent" />
        </div>
      ) : null}
      {otherFailure ? (
        <p role="alert" className="text-sm text-danger">
          {otherFailure}
        </p>
      ) : null}
      {render.data && !render.isPending ? (
        <div className="space-y-2 rounded-md border border-success/40 bg-success/5 p-3">
          <StatusMessage>
            {render.data.media.length === 1
              ? 'Rendered 1 image into the media vault.'
              : `Rendered ${render.data.media.length} images into the media vault, in slide order.`}
          </StatusMessage>
          <ul className="list-disc pl-5 text-xs text-muted">
            {render.data.media.map((item) => (
              <li key={item.id}>
                {item.fileName} ({item.width}×{item.height})
              </li>
            ))}
          </ul>
          <Link
            to="/w/$workspaceId/posts/new"
            params={{ workspaceId }}
            search={{ media: render.data.media.map((item) => item.id).join(',') }}
            className={buttonClasses('primary')}
          >
            Use in a post
          </Link>
        </div>
      ) : null}
    </div>
  );
}
