import { useEffect, useId, useRef, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { editResponse } from '@plume/contract/content/draft-schemas';
import { Button } from '../../components/button.tsx';
import { fieldClasses } from '../../components/field-classes.ts';
import { api } from '../../lib/api.ts';
import { errorMessageOf } from '../../lib/field-errors.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';
import { draftQueryOptions } from './ai-writer-drafts.ts';
import { fromRevision, type ShownRevision } from './ai-writer-revisions.ts';

interface AiWriterEditProps {
  workspaceId: string;
  draftId: string;
  networkName: string;
  revision: ShownRevision;
  /** The edit was saved as a new (`manual`) revision. */
  onSaved: (revision: ShownRevision) => void;
  onCancel: () => void;
}

/**
 * The text of one network's revision, editable in place. Saving stores the user's own version as a
 * new revision (kept as written, measured and rescored by the server), so it joins the history.
 */
export function AiWriterEdit({ workspaceId, draftId, networkName, revision, onSaved, onCancel }: AiWriterEditProps) {
  const queryClient = useQueryClient();
  const fieldId = useId();
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(revision.text);
  useEffect(() => fieldRef.current?.focus(), []);
  const save = useMutation({
    mutationFn: () =>
      api.post(
        `${workspacePath(workspaceId)}/content/drafts/${draftId}/revisions/${revision.revisionId}/edit`,
        { text },
        editResponse,
      ),
    onSuccess: async (answer) => {
      onSaved(fromRevision(answer.revision));
      await queryClient.invalidateQueries({ queryKey: draftQueryOptions(workspaceId, draftId).queryKey });
    },
  });
  return (
    <form
      className="space-y-2"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate();
      }}
    >
      <label htmlFor={fieldId} className="text-xs font-medium text-ink">
        Your {networkName} text
      </label>
      <textarea
        ref={fieldRef}
        id={fieldId}
        rows={6}
        value={text}
        onChange={(event) => setText(event.target.value)}
        className={fieldClasses(save.isError)}
      />
      <div className="flex gap-2">
        <Button
          type="submit"
          className="px-2 py-1 text-xs"
          isPending={save.isPending}
          pendingLabel="Saving…"
          disabled={text.trim() === ''}
        >
          Save edit<span className="sr-only"> of the {networkName} text</span>
        </Button>
        <Button variant="ghost" className="px-2 py-1 text-xs" disabled={save.isPending} onClick={onCancel}>
          Cancel
        </Button>
      </div>
      {save.error ? (
        <p role="alert" className="text-xs text-danger">
          {errorMessageOf(save.error)}
        </p>
      ) : null}
    </form>
  );
}
