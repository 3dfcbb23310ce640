import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useEffect, useId, useState } from 'react';
import { vaultItemSchema, type VaultItemDetail } from '@plume/contract/media/vault-schemas';
import { stateLabel } from '@plume/contract/posts/post-states';
import { Button } from '../../components/button.tsx';
import { ErrorState } from '../../components/error-state.tsx';
import { LoadingState } from '../../components/loading-state.tsx';
import { textLinkClasses } from '../../components/text-link-classes.ts';
import { api } from '../../lib/api.ts';
import { fieldErrorsOf, errorMessageOf } from '../../lib/field-errors.ts';
import { formatTime } from '../../lib/format-time.ts';
import { formatBytes, mediaPath, vaultItemQueryOptions, vaultKey } from './vault-query.ts';
import { ApprovalBadge, fileSrc, sourceLabel } from './vault-thumb.tsx';

interface VaultPreviewProps {
  workspaceId: string;
  mediaId: string;
  timeZone: string;
  onClose: () => void;
}

function Player({ item }: { item: VaultItemDetail }) {
  if (item.kind === 'video') return <video src={fileSrc(item)} controls className="max-h-80 w-full rounded bg-black" />;
  if (item.kind === 'audio') return <audio src={fileSrc(item)} controls className="w-full" />;
  return <img src={fileSrc(item)} alt={item.altText ?? ''} className="max-h-80 w-full rounded object-contain" />;
}

function Provenance({ item }: { item: VaultItemDetail }) {
  const made = item.provenance;
  if (made === null) return null;
  const rows: [string, string | null][] = [
    ['Provider', made.provider],
    ['Model', made.model],
    ['Prompt', made.prompt],
    ['Style', made.style],
    ['Template', made.templateId],
    ['Cost', made.costMicros === null ? null : `$${(made.costMicros / 1_000_000).toFixed(4)}`],
  ];
  return (
    <dl aria-label="How it was made" className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
      {rows
        .filter((row): row is [string, string] => row[1] !== null)
        .map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-muted">{label}</dt>
            <dd className="break-words text-ink">{value}</dd>
          </div>
        ))}
    </dl>
  );
}

/** The item's tags and alt text, each saved on its own button, errors beside the field. */
function ItemEditors({ workspaceId, item }: { workspaceId: string; item: VaultItemDetail }) {
  const queryClient = useQueryClient();
  const tagsId = useId();
  const altId = useId();
  const [tags, setTags] = useState(item.tags.join(', '));
  const [alt, setAlt] = useState(item.altText ?? '');
  useEffect(() => setTags(item.tags.join(', ')), [item.tags]);
  useEffect(() => setAlt(item.altText ?? ''), [item.altText]);
  const refresh = () => queryClient.invalidateQueries({ queryKey: vaultKey(workspaceId) });
  const saveTags = useMutation({
    mutationFn: () =>
      api.put(
        `${mediaPath(workspaceId)}/${item.id}/tags`,
        {
          tags: tags
            .split(',')
            .map((tag) => tag.trim())
            .filter(Boolean),
        },
        vaultItemSchema,
      ),
    onSuccess: refresh,
  });
  const saveAlt = useMutation({
    mutationFn: () => api.patch(`${mediaPath(workspaceId)}/${item.id}`, { altText: alt.trim() || null }),
    onSuccess: refresh,
  });
  const tagError = saveTags.error ? (fieldErrorsOf(saveTags.error).tags ?? errorMessageOf(saveTags.error)) : undefined;
  return (
    <div className="space-y-3">
      <div>
        <label htmlFor={tagsId} className="mb-1 block text-sm font-medium text-ink">
          Tags
        </label>
        <div className="flex gap-2">
          <input
            id={tagsId}
            value={tags}
            placeholder="summer, product"
            onChange={(e) => setTags(e.target.value)}
            aria-invalid={tagError ? true : undefined}
            className="min-w-0 flex-1 rounded border border-line-strong bg-surface px-2 py-1 text-sm text-ink"
          />
          <Button
            variant="secondary"
            isPending={saveTags.isPending}
            pendingLabel="Saving…"
            onClick={() => saveTags.mutate()}
          >
            Save tags
          </Button>
        </div>
        {tagError ? (
          <p role="alert" className="mt-1 text-xs text-danger">
            {tagError}
          </p>
        ) : null}
        {saveTags.isSuccess ? (
          <p role="status" className="mt-1 text-xs text-muted">
            Tags saved.
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor={altId} className="mb-1 block text-sm font-medium text-ink">
          Alt text
        </label>
        <textarea
          id={altId}
          rows={2}
          value={alt}
          onChange={(e) => setAlt(e.target.value)}
          className="w-full rounded border border-line-strong bg-surface px-2 py-1 text-sm text-ink"
        />
        <Button
          variant="secondary"
          isPending={saveAlt.isPending}
          pendingLabel="Saving…"
          onClick={() => saveAlt.mutate()}
        >
          Save alt text
        </Button>
        {saveAlt.error ? (
          <p role="alert" className="mt-1 text-xs text-danger">
            {errorMessageOf(saveAlt.error)}
          </p>
        ) : null}
        {saveAlt.isSuccess ? (
          <p role="status" className="mt-1 text-xs text-muted">
            Alt text saved.
          </p>
        ) : null}
      </div>
    </div>
  );
}

function Decide({ workspaceId, item }: { workspaceId: string; item: VaultItemDetail }) {
  const queryClient = useQueryClient();
  const decide = useMutation({
    mutationFn: (verb: 'approve' | 'reject') =>
      api.post(`${mediaPath(workspaceId)}/${item.id}/${verb}`, {}, vaultItemSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: vaultKey(workspaceId) }),
  });
  return (
    <div className="flex flex-wrap items-center gap-2">
      {item.approval !== 'approved' ? (
        <Button isPending={decide.isPending} onClick={() => decide.mutate('approve')}>
          Approve
        </Button>
      ) : null}
      {item.approval !== 'rejected' ? (
        <Button variant="secondary" isPending={decide.isPending} onClick={() => decide.mutate('reject')}>
          Reject
        </Button>
      ) : null}
      {decide.error ? (
        <p role="alert" className="text-xs text-danger">
          {errorMessageOf(decide.error)}
        </p>
      ) : null}
    </div>
  );
}

/** The chosen item: player, facts, provenance, where it is used, tags and alt text, approve or reject. */
export function VaultPreview({ workspaceId, mediaId, timeZone, onClose }: VaultPreviewProps) {
  const detail = useQuery(vaultItemQueryOptions(workspaceId, mediaId));
  return (
    <aside aria-label="Preview" className="space-y-4 rounded-lg border border-line bg-surface p-4">
      <div className="flex items-start justify-between gap-2">
        <h2 className="truncate text-base font-semibold text-ink">{detail.data?.fileName ?? 'Preview'}</h2>
        <button type="button" className={textLinkClasses} onClick={onClose}>
          Close preview
        </button>
      </div>
      {detail.isPending ? <LoadingState label="Loading the file…" /> : null}
      {detail.isError ? <ErrorState error={detail.error} onRetry={() => void detail.refetch()} /> : null}
      {detail.data ? (
        <>
          <Player item={detail.data} />
          <p className="flex flex-wrap gap-2 text-xs text-muted">
            <span>{sourceLabel[detail.data.source]}</span>
            <span>{formatBytes(detail.data.bytes)}</span>
            {detail.data.width ? (
              <span>
                {detail.data.width}×{detail.data.height}
              </span>
            ) : null}
            <span>Added {formatTime(detail.data.createdAt, timeZone)}</span>
            <ApprovalBadge item={detail.data} />
          </p>
          <a href={`${fileSrc(detail.data)}?download=true`} className={textLinkClasses} download={detail.data.fileName}>
            Download
          </a>
          <Decide workspaceId={workspaceId} item={detail.data} />
          <Provenance item={detail.data} />
          <div>
            <h3 className="mb-1 text-sm font-medium text-ink">Where it is used</h3>
            {detail.data.usage.length === 0 ? (
              <p className="text-xs text-muted">Not used in any post yet.</p>
            ) : (
              <ul className="space-y-1 text-xs">
                {detail.data.usage.map((use) => (
                  <li key={use.postId}>
                    <Link
                      to="/w/$workspaceId/posts/$postId"
                      params={{ workspaceId, postId: use.postId }}
                      className={textLinkClasses}
                    >
                      {use.excerpt || 'Untitled post'}
                    </Link>{' '}
                    <span className="text-muted">
                      ({stateLabel(use.state)}
                      {use.scheduledAt ? `, ${formatTime(use.scheduledAt, timeZone)}` : ''})
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <ItemEditors workspaceId={workspaceId} item={detail.data} />
        </>
      ) : null}
    </aside>
  );
}
