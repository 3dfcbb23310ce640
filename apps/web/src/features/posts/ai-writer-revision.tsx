import { useId, useState } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { REWRITE_ACTIONS, type RewriteKind } from '@plume/contract/content/content-enums';
import { rewriteResponse } from '@plume/contract/content/draft-schemas';
import { Button } from '../../components/button.tsx';
import { api } from '../../lib/api.ts';
import { errorMessageOf } from '../../lib/field-errors.ts';
import { workspacePath } from '../workspaces/workspace-queries.ts';
import { draftQueryOptions } from './ai-writer-drafts.ts';
import { AiWriterEdit } from './ai-writer-edit.tsx';
import { AiWriterHistory } from './ai-writer-history.tsx';
import { AiWriterParts } from './ai-writer-parts.tsx';
import { QualityScore } from './ai-writer-quality.tsx';
import { fromRevision, rewriteLabels, type ShownRevision, sourceLabel } from './ai-writer-revisions.ts';

interface AiWriterRevisionProps {
  workspaceId: string;
  draftId: string;
  variant: number;
  network: string;
  networkName: string;
  revision: ShownRevision;
  /** A rewrite produced a new revision, or the history gave an earlier one back: it replaces this one in place. */
  onRevised: (revision: ShownRevision) => void;
}

/** One network's text in a variant: the text (editable in place), title, thread parts, counter, score and one-click rewrites. */
export function AiWriterRevision({
  workspaceId,
  draftId,
  variant,
  network,
  networkName,
  revision,
  onRevised,
}: AiWriterRevisionProps) {
  const queryClient = useQueryClient();
  const languageId = useId();
  const [language, setLanguage] = useState('');
  const [isEditing, setIsEditing] = useState(false);
  const rewrite = useMutation({
    mutationFn: (action: RewriteKind) =>
      api.post(
        `${workspacePath(workspaceId)}/content/drafts/${draftId}/revisions/${revision.revisionId}/rewrite`,
        action === 'translate' ? { action, language: language.trim() } : { action },
        rewriteResponse,
      ),
    onSuccess: async (answer) => {
      onRevised(fromRevision(answer.revision));
      await queryClient.invalidateQueries({ queryKey: draftQueryOptions(workspaceId, draftId).queryKey });
    },
  });
  const isOver = revision.fits === false;
  return (
    <section
      aria-label={`${networkName} text`}
      aria-busy={rewrite.isPending}
      className="space-y-2 rounded-md border border-line p-3"
    >
      <h4 className="text-sm font-semibold text-ink">{networkName}</h4>
      {isEditing ? (
        <AiWriterEdit
          workspaceId={workspaceId}
          draftId={draftId}
          networkName={networkName}
          revision={revision}
          onSaved={(next) => {
            setIsEditing(false);
            onRevised(next);
          }}
          onCancel={() => setIsEditing(false)}
        />
      ) : (
        <p className="text-sm whitespace-pre-wrap text-ink" data-testid="ai-text">
          {revision.text}
        </p>
      )}
      <AiWriterParts revision={revision} networkName={networkName} />
      {revision.hashtags.length > 0 ? (
        <p className="text-sm text-accent">
          {revision.hashtags.map((tag) => (tag.startsWith('#') ? tag : `#${tag}`)).join(' ')}
        </p>
      ) : null}
      <p className={`text-xs ${isOver ? 'font-medium text-danger' : 'text-muted'}`}>
        {revision.count === null || revision.limit === null ? 'Not measured' : `${revision.count} / ${revision.limit}`}
        {isOver ? ` — over the ${networkName} limit` : ''}
        {sourceLabel(revision.source) ? ` · ${sourceLabel(revision.source)}` : ''}
      </p>
      <QualityScore quality={revision.quality} />
      <div role="group" aria-label={`Rewrite the ${networkName} text`} className="flex flex-wrap items-center gap-1">
        <Button
          variant="ghost"
          className="px-2 py-1 text-xs"
          disabled={rewrite.isPending || isEditing}
          onClick={() => setIsEditing(true)}
        >
          Edit<span className="sr-only"> the {networkName} text</span>
        </Button>
        {REWRITE_ACTIONS.filter((action) => action !== 'translate').map((action) => (
          <Button
            key={action}
            variant="ghost"
            className="px-2 py-1 text-xs"
            disabled={rewrite.isPending || isEditing}
            onClick={() => rewrite.mutate(action)}
          >
            {rewriteLabels[action]}
          </Button>
        ))}
        <label htmlFor={languageId} className="sr-only">
          Language to translate the {networkName} text into
        </label>
        <input
          id={languageId}
          value={language}
          onChange={(e) => setLanguage(e.target.value)}
          placeholder="fr"
          size={5}
          autoComplete="off"
          className="rounded-md border border-line-strong bg-surface px-2 py-1 text-xs text-ink"
        />
        <Button
          variant="ghost"
          className="px-2 py-1 text-xs"
          disabled={rewrite.isPending || language.trim() === ''}
          onClick={() => rewrite.mutate('translate')}
        >
          Translate
        </Button>
      </div>
      {rewrite.isPending ? (
        <p role="status" className="text-xs text-muted">
          Rewriting…
        </p>
      ) : null}
      {rewrite.error ? (
        <p role="alert" className="text-xs text-danger">
          {errorMessageOf(rewrite.error)}
        </p>
      ) : null}
      <AiWriterHistory
        workspaceId={workspaceId}
        draftId={draftId}
        variant={variant}
        network={network}
        networkName={networkName}
        currentId={revision.revisionId}
        onPick={onRevised}
      />
    </section>
  );
}
